using System.Text;

namespace Annotate.Tests.Infrastructure;

/// <summary>A scratch corpus folder for tests that write files into it.</summary>
internal sealed class CorpusFolder : IDisposable
{
    public string Root { get; } = Path.Combine(TempFolder.Create(), "corpus");

    public CorpusFolder() => Directory.CreateDirectory(Root);

    public string Write(string relativePath, string content) => WriteBytes(relativePath, Encoding.UTF8.GetBytes(content));

    public string WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string Article(string title, string body, string extra = "") =>
        $"---\ntitle: \"{title}\"\noutlet: Test Outlet\ndate: 2026-03-04\nlanguage: en\ntags: [test]\n{extra}---\n\n{body}\n";

    public void Dispose() => TempFolder.Delete(Path.GetDirectoryName(Root)!);
}

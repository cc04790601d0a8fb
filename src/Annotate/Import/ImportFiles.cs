using System.IO.Compression;
using Annotate.Corpus;
using Annotate.Export;

namespace Annotate.Import;

/// <summary>
/// The files of a folder or a zip archive, by '/'-separated relative path. Refuses what could read outside it:
/// a zip entry named with ".." or rooted, a symbolic link in the folder that leads out of it.
/// </summary>
internal sealed class ImportFiles : IDisposable
{
    private readonly ZipArchive? zip;
    private readonly string? folder;

    private ImportFiles(string? folder, ZipArchive? zip, IReadOnlyList<string> paths) => (this.folder, this.zip, Paths) = (folder, zip, paths);

    public IReadOnlyList<string> Paths { get; }

    public static ImportFiles Open(string path)
    {
        if (Directory.Exists(path))
        {
            var root = RealPath.Of(path) ?? throw new ImportFormatException($"The folder '{path}' cannot be resolved.");
            var paths = new List<string>();
            foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
            {
                var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                var real = RealPath.Of(file);
                if (real is null || !real.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new ImportFormatException($"'{relative}' leads outside '{path}' (a symbolic link?); refusing to read it.");
                paths.Add(relative);
            }

            paths.Sort(StringComparer.Ordinal);
            return new ImportFiles(root, null, paths);
        }

        if (!File.Exists(path) || !path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            throw new ImportFormatException($"'{path}' is not a folder or a .zip file.");
        var archive = ZipFile.OpenRead(path);
        try
        {
            var names = archive.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => Checked(e.FullName)).Order(StringComparer.Ordinal).ToList();
            return new ImportFiles(null, archive, names);
        }
        catch
        {
            archive.Dispose();
            throw;
        }
    }

    public async Task<string> ReadTextAsync(string relativePath, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(OpenRead(relativePath));
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public Stream OpenRead(string relativePath) => zip is not null
        ? zip.GetEntry(relativePath)!.Open()
        : File.OpenRead(Path.Combine(folder!, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    public void Dispose() => zip?.Dispose();

    private static string Checked(string name)
    {
        try
        {
            return ExportPaths.Checked(name);
        }
        catch (ArgumentException)
        {
            throw new ImportFormatException($"The archive entry '{name}' is not a plain relative name (absolute, or with '..'); refusing the archive.");
        }
    }
}

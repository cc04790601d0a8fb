namespace Annotate.Tests.Infrastructure;

internal static class TempFolder
{
    public static string Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "annotate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the OS temp cleaner will take it.
        }
    }
}

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Corpus => System.IO.Path.Combine(Path, "corpus");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Annotate.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder with Annotate.sln) above " + AppContext.BaseDirectory);
    }
}

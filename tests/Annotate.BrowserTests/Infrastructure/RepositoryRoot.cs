namespace Annotate.BrowserTests.Infrastructure;

/// <summary>The clone the tests run from: the folder holding Annotate.sln, found upwards from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Annotate.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Annotate.sln above {AppContext.BaseDirectory}: run the tests from a clone of the repository.");
    });

    public static string Folder => Root.Value;

    public static string Corpus => System.IO.Path.Combine(Root.Value, "corpus");
}

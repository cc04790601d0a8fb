using System.IO.Compression;
using System.Text.Json;

namespace Annotate.Export;

/// <summary>
/// How `annotate export` knows what it may replace. A folder export holds a marker file listing every file the export
/// wrote; a later export replaces that folder only when it holds nothing else, so a mistyped `--out` (a home folder,
/// a repository with its own README.md) is refused instead of deleted. A zip is replaced only when it is an export's
/// archive (it holds the dataset card).
/// </summary>
internal static class ExportMarker
{
    public const string FileName = ".annotate-export";

    private sealed record Marker(int AnnotateExport, string Project, string Format, IReadOnlyList<string> Files);

    public static async Task WriteAsync(string folder, string projectId, string format, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var marker = new Marker(1, projectId, format, files);
        await File.WriteAllTextAsync(Path.Combine(folder, FileName), JsonSerializer.Serialize(marker, JsonSerializerOptions.Web) + "\n", cancellationToken);
    }

    /// <summary>Why the folder may not be replaced (something in it Annotate did not write), or null when it may.</summary>
    public static string? RefuseFolder(string folder)
    {
        var entries = Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(e => Path.GetRelativePath(folder, e).Replace('\\', '/')).ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        if (Read(Path.Combine(folder, FileName)) is not { } written)
        {
            return $"The folder '{folder}' is not empty and is not an export made by Annotate (it has no {FileName} file); name a new folder.";
        }

        // Folders count as written when a written file lies inside them.
        var known = written.SelectMany(Ancestors).Concat(written).Append(FileName).ToHashSet(StringComparer.Ordinal);
        return entries.FirstOrDefault(e => !known.Contains(e)) is { } foreign
            ? $"The folder '{folder}' holds '{foreign}', which the earlier export did not write; move it away or name a new folder."
            : null;
    }

    /// <summary>Why the file may not be replaced by a zip archive (it is not an export's archive), or null when it may.</summary>
    public static string? RefuseZip(string file)
    {
        try
        {
            using var archive = ZipFile.OpenRead(file);
            if (archive.GetEntry(DatasetCard.FileName) is not null)
            {
                return null;
            }
        }
        catch (InvalidDataException)
        {
            // Not a zip archive at all: refused below.
        }

        return $"'{file}' exists and is not an archive exported by Annotate (no {DatasetCard.FileName} dataset card inside); name a new file.";
    }

    private static IReadOnlyList<string>? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Marker>(File.ReadAllText(path), JsonSerializerOptions.Web)?.Files : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Ancestors(string relativePath)
    {
        for (var slash = relativePath.LastIndexOf('/'); slash > 0; slash = relativePath.LastIndexOf('/', slash - 1))
        {
            yield return relativePath[..slash];
        }
    }
}

using System.IO.Compression;

namespace Annotate.Export;

/// <summary>
/// Where an export's files go: a folder or a zip archive. Files are written one after another, each fully before
/// the next, so a zip streams without holding anything in memory.
/// </summary>
public interface IExportSink : IAsyncDisposable
{
    /// <summary>Creates a file by its relative path ('/'-separated, no '..'); dispose the stream before the next.</summary>
    Task<Stream> CreateAsync(string relativePath, CancellationToken cancellationToken);
}

/// <summary>Files in a folder.</summary>
public sealed class FolderSink(string folder) : IExportSink
{
    public Task<Stream> CreateAsync(string relativePath, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(folder, ExportPaths.Checked(relativePath)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return Task.FromResult<Stream>(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>A zip archive whose bytes depend only on the files written: fixed entry times, entries in write order.</summary>
public sealed class ZipSink(Stream output, CompressionLevel level = CompressionLevel.Optimal) : IExportSink
{
    /// <summary>Every entry's time, so the same export gives the same archive.</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive archive = new(output, ZipArchiveMode.Create, leaveOpen: true);

    public Task<Stream> CreateAsync(string relativePath, CancellationToken cancellationToken)
    {
        var entry = archive.CreateEntry(ExportPaths.Checked(relativePath), level);
        entry.LastWriteTime = EntryTime;
        return Task.FromResult(entry.Open());
    }

    public ValueTask DisposeAsync()
    {
        archive.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>File names inside an export, made from document paths and ids: never absolute, never climbing out.</summary>
public static class ExportPaths
{
    public static string Checked(string relativePath)
    {
        var parts = relativePath.Split('/');
        if (relativePath.Length == 0 || Path.IsPathRooted(relativePath) || relativePath.Contains('\\')
            || parts.Any(p => p.Length == 0 || p is "." or ".." || p.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
        {
            throw new ArgumentException($"'{relativePath}' is not a relative file name inside the export.", nameof(relativePath));
        }

        return relativePath;
    }
}

namespace Annotate.Export;

/// <summary>A sink that remembers the files a format wrote, for the dataset card's file list.</summary>
internal sealed class RecordingSink(IExportSink inner) : IExportSink
{
    private readonly List<string> files = [];

    public IReadOnlyList<string> Files => files;

    public Task<Stream> CreateAsync(string relativePath, CancellationToken cancellationToken)
    {
        files.Add(relativePath);
        return inner.CreateAsync(relativePath, cancellationToken);
    }

    // The runner owns the inner sink and disposes it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

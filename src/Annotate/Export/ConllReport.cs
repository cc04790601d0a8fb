using System.Text;

namespace Annotate.Export;

/// <summary>
/// A report (dropped.tsv, widened.tsv) built in a temporary file as rows come: a project whose every span needs a
/// line still exports in constant memory. The count, known at the end, goes in the first line.
/// </summary>
internal sealed class ConllReport : IAsyncDisposable
{
    private readonly StreamWriter rows = new(new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
        FileOptions.DeleteOnClose), new UTF8Encoding(false))
    { NewLine = "\n" };

    public int Count { get; private set; }

    public void Add(string row)
    {
        rows.Write(row);
        rows.Write('\n');
        Count++;
    }

    /// <summary>Writes the first line (made from the count), the column names, then every row.</summary>
    public async Task WriteToAsync(IExportSink sink, string path, Func<int, string> firstLine, string columns, CancellationToken cancellationToken)
    {
        await rows.FlushAsync(cancellationToken);
        rows.BaseStream.Position = 0;
        await using var output = await sink.CreateAsync(path, cancellationToken);
        await output.WriteAsync(Encoding.UTF8.GetBytes($"{firstLine(Count)}\n{columns}\n"), cancellationToken);
        await rows.BaseStream.CopyToAsync(output, cancellationToken);
    }

    public ValueTask DisposeAsync() => rows.DisposeAsync();
}

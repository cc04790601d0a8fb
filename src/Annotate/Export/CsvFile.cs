using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Annotate.Export;

/// <summary>
/// A CSV file in an export: UTF-8 with a byte order mark (Excel reads a CSV without one in the local ANSI code
/// page and garbles "Čelmar" and emoji; readr, pandas, data.table and LibreOffice skip the mark), CRLF line ends
/// and RFC 4180 quoting by CsvHelper, invariant culture for numbers.
/// <para>
/// Spreadsheet-safe (the default): a cell that a spreadsheet would run as a formula — text starting with =, +, -, @,
/// a tab or a carriage return, such as a note "=HYPERLINK(…)" — gets a leading apostrophe, the usual guard against
/// formula injection. Numbers ("-0.25") are left as they are. Raw cells are one option away (--spreadsheet-safe false).
/// </para>
/// </summary>
internal sealed class CsvFile : IAsyncDisposable
{
    private readonly Stream output;
    private readonly StreamWriter writer;

    private readonly bool spreadsheetSafe;

    private CsvFile(Stream output, bool spreadsheetSafe)
    {
        this.output = output;
        this.spreadsheetSafe = spreadsheetSafe;
        writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
        // NewLine left at its default (CRLF): set explicitly, CsvHelper would quote only fields holding a whole CRLF,
        // and a note with a bare line feed would split its row.
        Csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture));
    }

    public CsvWriter Csv { get; }

    public static async Task<CsvFile> CreateAsync(IExportSink sink, string relativePath, bool spreadsheetSafe, CancellationToken cancellationToken)
    {
        var output = await sink.CreateAsync(relativePath, cancellationToken);
        // Written by hand: StreamWriter leaves the preamble out on a stream it cannot tell is at its start.
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        return new CsvFile(output, spreadsheetSafe);
    }

    /// <summary>Writes one field (null for an empty one), made spreadsheet-safe when asked.</summary>
    public void Field(string? value) => Csv.WriteField(spreadsheetSafe ? SpreadsheetSafe(value) : value);

    /// <summary>Writes a whole record of fields (null for an empty one).</summary>
    public Task RowAsync(params IEnumerable<string?> fields)
    {
        foreach (var field in fields)
            Field(field);
        return Csv.NextRecordAsync();
    }

    /// <summary>The value with a leading apostrophe when a spreadsheet would read it as a formula.</summary>
    public static string? SpreadsheetSafe(string? value) =>
        value is [var first, ..] && first is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;

    public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Csv.FlushAsync();
        await Csv.DisposeAsync();
        await writer.DisposeAsync();
        await output.DisposeAsync();
    }
}

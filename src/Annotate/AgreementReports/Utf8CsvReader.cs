using System.Runtime.CompilerServices;
using System.Text;

namespace Annotate.AgreementReports;

/// <summary>
/// A CSV record reader over UTF-8 bytes for files of millions of rows, with the quoting rules spreadsheets write:
/// fields separated by commas, records by \n, \r\n or \r; a field that starts with a quote runs to the closing quote,
/// may hold commas and line breaks, and "" in it is one quote (bytes after the closing quote are kept, as CsvHelper
/// and Sep recover). A UTF-8 byte-order mark is skipped; a UTF-16 or UTF-32 file is converted first. Fields are
/// decoded to characters only when asked for, into a reused buffer: nothing is allocated per row. All hot code is
/// here and compiled optimized at once, so a short command-line run never waits for tiered JIT.
/// </summary>
internal sealed class Utf8CsvReader
{
    private readonly Stream stream;
    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private bool eof;
    private int nextLine = 1;
    private byte[] fieldBytes = new byte[256];
    private int[] fieldEnds = new int[16];
    private char[][] chars = [];
    private bool bomChecked;

    public Utf8CsvReader(Stream stream) => this.stream = Utf8(stream);

    /// <summary>The number of fields in the current record (a blank line has one, empty).</summary>
    public int FieldCount { get; private set; }

    /// <summary>The line the current record starts on (1-based; a quoted line break moves later records down).</summary>
    public int Line { get; private set; }

    /// <summary>
    /// Field <paramref name="index"/> of the current record, decoded and trimmed; empty when the record is shorter.
    /// Each field index has its own buffer, so the spans of several fields of a record stay valid until the next read.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<char> Field(int index)
    {
        if (index >= FieldCount)
            return [];
        var from = index == 0 ? 0 : fieldEnds[index - 1];
        var bytes = fieldBytes.AsSpan(from, fieldEnds[index] - from);
        if (index >= chars.Length)
            Array.Resize(ref chars, index + 1);
        if (chars[index] is not { } target || target.Length < bytes.Length)
            chars[index] = target = new char[Math.Max(64, bytes.Length * 2)];
        // Most fields are ASCII: widening them is several times cheaper than UTF-8 decoding.
        var length = Ascii.ToUtf16(bytes, target, out var widened) == System.Buffers.OperationStatus.Done
            ? widened
            : Encoding.UTF8.GetChars(bytes, target);
        return target.AsSpan(0, length).Trim();
    }

    /// <summary>
    /// Reads the current record as the header: where each required column is (names matched case-blind, in any
    /// order, others ignored), or an error on line 1 naming the columns it lacks.
    /// </summary>
    public int[] ColumnsAt(IReadOnlyList<string> required)
    {
        var names = new List<string>(FieldCount);
        for (var i = 0; i < FieldCount; i++)
        {
            names.Add(Field(i).ToString());
        }

        return ColumnsAt(names, required);
    }

    /// <summary>Where each required column is among the header's fields (trimmed), as <see cref="ColumnsAt(IReadOnlyList{string})"/>.</summary>
    public static int[] ColumnsAt(IEnumerable<string> header, IReadOnlyList<string> required)
    {
        var names = header.Select(n => n.ToLowerInvariant()).ToList();
        var missing = required.Where(c => !names.Contains(c)).ToList();
        return missing.Count > 0
            ? throw new RatingsFileException($"line 1: the header lacks the column(s) {string.Join(", ", missing)}; it needs '{string.Join(',', required)}'.")
            : [.. required.Select(c => names.IndexOf(c))];
    }

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        while (true)
        {
            if (start == end && eof)
                return false;
            var consumed = TryParse(buffer.AsSpan(start, end - start), eof);
            if (consumed >= 0)
            {
                start += consumed;
                return true;
            }

            Fill();
        }
    }

    // Parses one record from data into the field buffer; the bytes consumed, or −1 when data ends inside the record
    // and more may come.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TryParse(ReadOnlySpan<byte> data, bool final)
    {
        var p = 0;
        var written = 0;
        var fields = 0;
        var lines = 0;
        while (true)
        {
            if (p < data.Length && data[p] == (byte)'"')
            {
                p++;
                while (true)
                {
                    var quote = data[p..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        if (!final)
                            return -1;
                        lines += Breaks(data[p..]);
                        Append(ref written, data[p..]);
                        p = data.Length; // an unclosed quote runs to the end of the file
                        break;
                    }

                    lines += Breaks(data.Slice(p, quote));
                    Append(ref written, data.Slice(p, quote));
                    p += quote + 1;
                    if (p == data.Length && !final)
                        return -1;
                    if (p < data.Length && data[p] == (byte)'"')
                    {
                        Append(ref written, data.Slice(p, 1));
                        p++;
                        continue;
                    }

                    break;
                }
            }

            var stop = data[p..].IndexOfAny((byte)',', (byte)'\n', (byte)'\r');
            if (stop < 0)
            {
                if (!final)
                    return -1;
                stop = data.Length - p;
            }

            Append(ref written, data.Slice(p, stop));
            p += stop;
            EndField(ref fields, written);
            if (p == data.Length)
                return Finish(p, fields, lines); // the last record, without a line break
            var separator = data[p++];
            if (separator == (byte)',')
                continue;
            if (separator == (byte)'\r')
            {
                if (p == data.Length && !final)
                    return -1;
                if (p < data.Length && data[p] == (byte)'\n')
                    p++;
            }

            return Finish(p, fields, lines);
        }
    }

    private int Finish(int consumed, int fields, int lines)
    {
        FieldCount = fields;
        Line = nextLine;
        nextLine += lines + 1;
        return consumed;
    }

    private void Append(ref int written, ReadOnlySpan<byte> bytes)
    {
        if (written + bytes.Length > fieldBytes.Length)
            Array.Resize(ref fieldBytes, Math.Max(fieldBytes.Length * 2, written + bytes.Length));
        bytes.CopyTo(fieldBytes.AsSpan(written));
        written += bytes.Length;
    }

    private void EndField(ref int fields, int written)
    {
        if (fields == fieldEnds.Length)
            Array.Resize(ref fieldEnds, fields * 2);
        fieldEnds[fields++] = written;
    }

    // Line breaks inside a quoted field: \n, \r\n and a lone \r each count once.
    private static int Breaks(ReadOnlySpan<byte> text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n' || (text[i] == (byte)'\r' && (i + 1 == text.Length || text[i + 1] != (byte)'\n')))
                count++;
        }

        return count;
    }

    // Keeps the unread part of a record, making room (a record longer than the buffer doubles it), and reads more.
    private void Fill()
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
            Array.Resize(ref buffer, buffer.Length * 2);
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
            eof = true;
        end += read;
        if (!bomChecked && (end >= 3 || eof))
        {
            bomChecked = true;
            if (end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                start = 3;
        }
    }

    /// <summary>The stream itself, or for a UTF-16 or UTF-32 file (with its byte-order mark; rare) its text as UTF-8 in memory.</summary>
    public static Stream Utf8(Stream stream)
    {
        Span<byte> head = stackalloc byte[2];
        if (!stream.CanSeek || stream.Read(head) < 2)
        {
            if (stream.CanSeek)
                stream.Position = 0;
            return stream;
        }

        stream.Position = 0;
        if (!(head[0] == 0xFF && head[1] == 0xFE) && !(head[0] == 0xFE && head[1] == 0xFF) && !(head[0] == 0 && head[1] == 0))
            return stream;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return new MemoryStream(Encoding.UTF8.GetBytes(reader.ReadToEnd()));
    }
}

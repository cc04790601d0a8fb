using System.Runtime.CompilerServices;
using System.Text;

namespace Annotate.AgreementReports;

/// <summary>
/// One stretch of a ratings file without quotes, starting at a record, parsed on its own thread with its own
/// interners: no quotes means every line break ends a record, so a file can be cut at any line break and its parts
/// read at once (<see cref="RatingsFile"/> merges them in order). Fields are found, trimmed and interned as bytes.
/// Parsing stops at the first record with a rating but no unit or coder: the caller reports it.
/// </summary>
internal sealed class RatingsChunk
{
    // char.IsWhiteSpace of each ASCII byte: what Trim removes from a field's ends.
    private static readonly bool[] AsciiSpace = [.. Enumerable.Range(0, 128).Select(b => char.IsWhiteSpace((char)b))];

    private readonly byte[][] canonical = [new byte[64], new byte[64], new byte[64]];
    private readonly int lineBase;
    private int[] unitOf;
    private int[] coderOf;
    private int[] valueOf;
    private int[] lineOf;
    private int offset;
    private int capacity;

    /// <summary>A part that writes its ratings into the arrays from <paramref name="offset"/>, for up to <paramref name="capacity"/> ratings (then into arrays of its own).</summary>
    /// <param name="lineBase">Added to each record's index (0-based within the part) to give its line.</param>
    public RatingsChunk(int[] unitOf, int[] coderOf, int[] valueOf, int[] lineOf, int offset, int capacity, int lineBase)
    {
        (this.unitOf, this.coderOf, this.valueOf, this.lineOf) = (unitOf, coderOf, valueOf, lineOf);
        (this.offset, this.capacity, this.lineBase) = (offset, capacity, lineBase);
    }

    public Utf8Interner Units { get; } = new();

    public Utf8Interner Coders { get; } = new();

    public Utf8Interner Values { get; } = new();

    /// <summary>The record (0-based within the chunk) each value was first read on.</summary>
    public List<int> ValueFirstRecord { get; } = [];

    /// <summary>Ratings kept (a missing value is not kept).</summary>
    public int Count { get; private set; }

    /// <summary>Records read, blank ones included: a later chunk's lines start after them.</summary>
    public int Records { get; private set; }

    /// <summary>The record (0-based) that has a rating without a unit or coder, or −1.</summary>
    public int ErrorRecord { get; private set; } = -1;

    public ReadOnlySpan<int> UnitOf => unitOf.AsSpan(offset, Count);

    public ReadOnlySpan<int> CoderOf => coderOf.AsSpan(offset, Count);

    public ReadOnlySpan<int> ValueOf => valueOf.AsSpan(offset, Count);

    /// <summary>True when the part held more ratings than its place in the shared arrays and moved to arrays of its own.</summary>
    public bool Outgrown { get; private set; }

    /// <summary>Each rating's record index plus the line base.</summary>
    public ReadOnlySpan<int> LineOf => lineOf.AsSpan(offset, Count);

    /// <summary>Reads <paramref name="data"/> (whole records, no quote byte) with the unit, coder and value at fields <paramref name="at"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the loop over every rating: optimized at once, a command-line run ends before tiered JIT would get to it
    public void Parse(ReadOnlySpan<byte> data, int[] at)
    {
        Units.Reserve(capacity, data.Length); // no more units than lines, nor more bytes than the part has (usually)
        var ascii = Ascii.IsValid(data);
        var (unitAt, coderAt, valueAt) = (at[0], at[1], at[2]);
        var lastNeeded = Math.Max(unitAt, Math.Max(coderAt, valueAt));
        var p = 0;
        var record = 0;
        while (p < data.Length)
        {
            int us = 0, ue = 0, cs = 0, ce = 0, vs = 0, ve = 0;
            var field = 0;
            var fieldStart = p;
            while (true)
            {
                byte b = 0;
                while (p < data.Length)
                {
                    b = data[p];
                    if (b <= (byte)',' && (b == (byte)',' || b == (byte)'\n' || b == (byte)'\r'))
                        break;
                    p++;
                }

                if (field == unitAt)
                    (us, ue) = (fieldStart, p);
                else if (field == coderAt)
                    (cs, ce) = (fieldStart, p);
                else if (field == valueAt)
                    (vs, ve) = (fieldStart, p);
                if (p == data.Length || b != (byte)',')
                    break;
                p++;
                fieldStart = p;
                if (++field > lastNeeded)
                {
                    var rest = data[p..].IndexOfAny((byte)'\n', (byte)'\r');
                    p = rest < 0 ? data.Length : p + rest;
                    break;
                }
            }

            if (p < data.Length)
                p += data[p] == (byte)'\r' && p + 1 < data.Length && data[p + 1] == (byte)'\n' ? 2 : 1;

            var unit = Field(data, us, ue, ascii, 0);
            var coder = Field(data, cs, ce, ascii, 1);
            var value = Field(data, vs, ve, ascii, 2);
            if (unit.IsEmpty || coder.IsEmpty)
            {
                if (!(unit.IsEmpty && coder.IsEmpty && value.IsEmpty)) // a blank line is skipped, half a rating is an error
                {
                    ErrorRecord = record;
                    Records = record + 1;
                    return;
                }
            }
            else if (!value.IsEmpty) // an empty value is a missing rating
            {
                Add(record, unit, coder, value);
            }

            record++;
        }

        Records = record;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(int record, ReadOnlySpan<byte> unit, ReadOnlySpan<byte> coder, ReadOnlySpan<byte> value)
    {
        if (Count == capacity)
            Grow();
        var at = offset + Count;
        unitOf[at] = Units.Id(unit);
        coderOf[at] = Coders.Id(coder);
        var v = Values.Id(value);
        if (v == ValueFirstRecord.Count)
            ValueFirstRecord.Add(record);
        valueOf[at] = v;
        lineOf[at] = lineBase + record;
        Count++;
    }

    // The field's bytes as the interners want them: trimmed, and for text beyond ASCII decoded as the char reader
    // decodes (an invalid byte becomes U+FFFD), trimmed of Unicode white space and encoded again, so that equal
    // strings are equal bytes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> data, int start, int end, bool ascii, int role)
    {
        var bytes = data[start..end];
        if (ascii || Ascii.IsValid(bytes))
        {
            while (!bytes.IsEmpty && AsciiSpace[bytes[0]])
                bytes = bytes[1..];
            while (!bytes.IsEmpty && AsciiSpace[bytes[^1]])
                bytes = bytes[..^1];
            return bytes;
        }

        var text = Encoding.UTF8.GetString(bytes).AsSpan().Trim();
        var length = Encoding.UTF8.GetByteCount(text);
        if (canonical[role].Length < length)
            canonical[role] = new byte[length * 2];
        return canonical[role].AsSpan(0, Encoding.UTF8.GetBytes(text, canonical[role]));
    }

    // More ratings than line feeds (lines ended by a lone \r): arrays of its own, which the merge copies from.
    private void Grow()
    {
        capacity = Math.Max(16, capacity * 2);
        int[] Moved(int[] from)
        {
            var to = new int[capacity];
            from.AsSpan(offset, Count).CopyTo(to);
            return to;
        }

        (unitOf, coderOf, valueOf, lineOf) = (Moved(unitOf), Moved(coderOf), Moved(valueOf), Moved(lineOf));
        offset = 0;
        Outgrown = true;
    }
}

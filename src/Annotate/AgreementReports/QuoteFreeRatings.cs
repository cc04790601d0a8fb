using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using Annotate.Cli;

namespace Annotate.AgreementReports;

/// <summary>
/// A ratings file without a quote anywhere (what scripts and most spreadsheets write): cut at line breaks into one
/// part per core, each parsed on its own thread (<see cref="RatingsChunk"/>), then merged in file order, so ids, lines
/// and errors come out exactly as a reader going record by record would give them.
/// </summary>
internal static class QuoteFreeRatings
{
    // A part smaller than this is not worth a thread.
    private const int MinPartBytes = 1 << 20;
    private const int MaxParts = 4;

    /// <param name="parts">How many parts to cut the ratings into (tests); by default one per core and megabyte, up to four.</param>
    public static RatingColumns Read(ReadOnlyMemory<byte> text, IReadOnlyList<string> required, int? parts = null)
    {
        var (at, bodyStart, firstLine) = Header(text.Span, required);
        var body = text[bodyStart..];
        var cuts = Cuts(body.Span, parts ?? Math.Clamp(body.Length / MinPartBytes, 1, Math.Min(Environment.ProcessorCount, MaxParts)));
        // One set of arrays for every part, each part writing from its own offset (as many ratings as line feeds at
        // most, usually), so that the merge moves ratings down in place instead of copying them into new arrays.
        var chunks = new RatingsChunk[cuts.Length - 1];
        var capacities = new int[chunks.Length];
        for (var k = 0; k < chunks.Length; k++)
            capacities[k] = body.Span[cuts[k]..cuts[k + 1]].Count((byte)'\n') + 1;
        var total = capacities.Sum();
        var (unitOf, coderOf, valueOf, lineOf) = (new int[total], new int[total], new int[total], new int[total]);
        for (int k = 0, offset = 0; k < chunks.Length; offset += capacities[k], k++)
            chunks[k] = new RatingsChunk(unitOf, coderOf, valueOf, lineOf, offset, capacities[k], k == 0 ? firstLine : 0);

        StageTimings.Current?.Mark("file mapped and cut");
        ExceptionDispatchInfo? failure = null;
        var threads = new Thread[chunks.Length - 1];
        for (var k = 1; k < chunks.Length; k++)
        {
            var part = k;
            threads[k - 1] = new Thread(() => Parse(chunks[part], body.Span[cuts[part]..cuts[part + 1]], at, ref failure))
            {
                IsBackground = true,
                Name = "ratings part",
            };
            threads[k - 1].Start();
        }

        chunks[0].Parse(body.Span[..cuts[1]], at);
        foreach (var thread in threads)
            thread.Join();
        failure?.Throw();
        StageTimings.Current?.Mark($"parsed in {chunks.Length} parts");
        return Merge(chunks, firstLine, unitOf, coderOf, valueOf, lineOf);
    }

    private static void Parse(RatingsChunk chunk, ReadOnlySpan<byte> part, int[] at, ref ExceptionDispatchInfo? failure)
    {
        try
        {
            chunk.Parse(part, at);
        }
        catch (Exception ex) // a thread's exception would end the process: it is thrown again on the caller's thread
        {
            failure = ExceptionDispatchInfo.Capture(ex);
        }
    }

    // The header is the first record that is not blank; its line, and where the ratings start.
    private static (int[] At, int BodyStart, int FirstLine) Header(ReadOnlySpan<byte> text, IReadOnlyList<string> required)
    {
        var p = 0;
        for (var line = 1; p < text.Length; line++)
        {
            var end = text[p..].IndexOfAny((byte)'\n', (byte)'\r');
            end = end < 0 ? text.Length : p + end;
            var fields = Encoding.UTF8.GetString(text[p..end]).Split(',');
            p = end == text.Length ? end : end + (text[end] == (byte)'\r' && end + 1 < text.Length && text[end + 1] == (byte)'\n' ? 2 : 1);
            if (fields.Length == 1 && fields[0].AsSpan().Trim().IsEmpty)
                continue; // blank lines before the header
            return (Utf8CsvReader.ColumnsAt(fields.Select(f => f.Trim()), required), p, line + 1);
        }

        throw RatingsFile.EmptyFile();
    }

    // Where each part starts: just after a line feed near each k/n of the body (a \r\n pair is never split).
    private static int[] Cuts(ReadOnlySpan<byte> body, int parts)
    {
        var cuts = new List<int> { 0 };
        for (var k = 1; k < parts; k++)
        {
            var from = Math.Max(cuts[^1], (int)((long)body.Length * k / parts));
            var feed = body[from..].IndexOf((byte)'\n');
            if (feed < 0)
                break;
            if (from + feed + 1 < body.Length)
                cuts.Add(from + feed + 1);
        }

        cuts.Add(body.Length);
        return [.. cuts];
    }

    // The parts in file order: the first part's interners take in the others' names, new ids in order of first
    // appearance; reading stops at the first part with half a rating, as a record-by-record reader would.
    private static RatingColumns Merge(RatingsChunk[] chunks, int firstLine, int[] unitOf, int[] coderOf, int[] valueOf, int[] lineOf)
    {
        var used = chunks.TakeWhile(c => c.ErrorRecord < 0).Count();
        used = Math.Min(used + 1, chunks.Length);
        var total = chunks.Take(used).Sum(c => c.Count);
        // A part that outgrew its place wrote elsewhere and would overwrite the next part's ratings if moved in place.
        if (total > unitOf.Length || chunks.Any(c => c.Outgrown))
            (unitOf, coderOf, valueOf, lineOf) = (new int[total], new int[total], new int[total], new int[total]);
        var first = chunks[0];
        var valueFirstLine = first.ValueFirstRecord.Select(r => r + firstLine).ToList();
        first.Units.Reserve(chunks.Take(used).Sum(c => c.Units.Count), chunks.Take(used).Sum(c => c.Units.ByteCount));
        var (at, line, errorLine) = (0, firstLine, -1);
        for (var k = 0; k < used; k++)
        {
            var chunk = chunks[k];
            var units = Map(chunk.Units, first.Units, k, null);
            var coders = Map(chunk.Coders, first.Coders, k, null);
            var values = Map(chunk.Values, first.Values, k, v =>
            {
                if (v.Global == valueFirstLine.Count)
                    valueFirstLine.Add(line + chunk.ValueFirstRecord[v.Local]);
            });
            Move(chunk.UnitOf, units, unitOf.AsSpan(at, chunk.Count), 0);
            Move(chunk.CoderOf, coders, coderOf.AsSpan(at, chunk.Count), 0);
            Move(chunk.ValueOf, values, valueOf.AsSpan(at, chunk.Count), 0);
            Move(chunk.LineOf, null, lineOf.AsSpan(at, chunk.Count), k == 0 ? 0 : line);
            at += chunk.Count;
            if (chunk.ErrorRecord >= 0)
            {
                errorLine = line + chunk.ErrorRecord;
                break;
            }

            line += chunk.Records;
        }

        var columns = new RatingColumns(unitOf, coderOf, valueOf, lineOf, total, first.Units.Names, first.Coders.Names, first.Values.Names, valueFirstLine);
        StageTimings.Current?.Mark("parts merged");
        return errorLine >= 0 ? throw RatingsFile.HalfRating(columns, errorLine) : RatingsFile.Checked(columns);
    }

    // Local ids of a later part to ids of the first part's interner (which takes in the new names); null for the first part.
    private static int[]? Map(Utf8Interner local, Utf8Interner global, int part, Action<(int Local, int Global)>? added)
    {
        if (part == 0)
            return null;
        var map = new int[local.Count];
        for (var id = 0; id < map.Length; id++)
        {
            map[id] = global.Id(local.Bytes(id));
            added?.Invoke((id, map[id]));
        }

        return map;
    }

    // Moves a part's ratings down to where the merged columns continue (never later than where they are, so a
    // forward copy is safe in place), mapping ids or adding a line base; the first part is already in place.
    private static void Move(ReadOnlySpan<int> from, int[]? map, Span<int> to, int add)
    {
        if (map is null)
        {
            if (add == 0 && Unsafe.AreSame(ref MemoryMarshal.GetReference(from), ref MemoryMarshal.GetReference(to)))
                return;
            for (var i = 0; i < from.Length; i++)
                to[i] = from[i] + add;
            return;
        }

        for (var i = 0; i < from.Length; i++)
            to[i] = map[from[i]];
    }
}

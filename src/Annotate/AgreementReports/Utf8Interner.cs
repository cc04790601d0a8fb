using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Annotate.AgreementReports;

/// <summary>
/// Gives each distinct UTF-8 text an integer id, in order of first appearance, looking texts up by their bytes: a
/// string is made only the first time a text is seen, and nothing is decoded per row. Texts must be canonical (valid
/// UTF-8, already trimmed), so that equal bytes and equal strings are the same thing.
/// </summary>
internal sealed class Utf8Interner
{
    private byte[] arena = new byte[1 << 12];
    private int used;
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private int[] hashes = new int[64];
    private ulong[] heads = new ulong[64]; // the first 8 bytes: most ids are no longer, and one compare settles them
    private int[] buckets = new int[128]; // id + 1, 0 for empty; open addressing, at most half full
    private readonly List<string> names = [];
    private int last = -1;

    public int Count => names.Count;

    public List<string> Names => names;

    /// <summary>The bytes of text <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> Bytes(int id) => arena.AsSpan(starts[id], lengths[id]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per field of every rating
    public int Id(ReadOnlySpan<byte> text, string? name = null)
    {
        var head = Head(text);

        // Ratings files list a unit's ratings one after another: the last text seen is the likeliest.
        if (last >= 0 && Same(last, text, head))
            return last;

        // A handful of coders or labels: comparing with each is cheaper than hashing.
        var count = names.Count;
        if (count <= 8)
        {
            for (var i = 0; i < count; i++)
            {
                if (Same(i, text, head))
                    return last = i;
            }
        }

        var hash = Hash(text, head);
        var mask = buckets.Length - 1;
        var slot = hash & mask;
        while (buckets[slot] != 0)
        {
            var id = buckets[slot] - 1;
            if (hashes[id] == hash && Same(id, text, head))
                return last = id;
            slot = (slot + 1) & mask;
        }

        return last = Add(text, head, hash, slot, name ?? Encoding.UTF8.GetString(text));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Same(int id, ReadOnlySpan<byte> text, ulong head) =>
        heads[id] == head && lengths[id] == text.Length && (text.Length <= 8 || text[8..].SequenceEqual(arena.AsSpan(starts[id] + 8, text.Length - 8)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Head(ReadOnlySpan<byte> text)
    {
        if (text.Length >= 8)
            return BinaryPrimitives.ReadUInt64LittleEndian(text);
        ulong head = 0;
        for (var i = 0; i < text.Length; i++)
            head |= (ulong)text[i] << (8 * i);
        return head;
    }

    private int Add(ReadOnlySpan<byte> text, ulong head, int hash, int slot, string name)
    {
        var id = names.Count;
        if (used + text.Length > arena.Length)
            Array.Resize(ref arena, Math.Max(arena.Length * 2, used + text.Length));
        if (id == starts.Length)
        {
            Array.Resize(ref starts, id * 2);
            Array.Resize(ref lengths, id * 2);
            Array.Resize(ref hashes, id * 2);
            Array.Resize(ref heads, id * 2);
        }

        text.CopyTo(arena.AsSpan(used));
        starts[id] = used;
        lengths[id] = text.Length;
        hashes[id] = hash;
        heads[id] = head;
        used += text.Length;
        names.Add(name);
        buckets[slot] = id + 1;
        if ((id + 1) * 2 > buckets.Length)
            Rehash();
        return id;
    }

    private void Rehash()
    {
        buckets = new int[buckets.Length * 2];
        var mask = buckets.Length - 1;
        for (var id = 0; id < names.Count; id++)
        {
            var slot = hashes[id] & mask;
            while (buckets[slot] != 0)
                slot = (slot + 1) & mask;
            buckets[slot] = id + 1;
        }
    }

    // The head and length, mixed so that the low bits (the bucket) depend on every byte; FNV-1a over any bytes after
    // the eighth.
    private static int Hash(ReadOnlySpan<byte> text, ulong head)
    {
        var h = (head ^ (ulong)text.Length) * 0x9E3779B97F4A7C15ul;
        if (text.Length > 8)
        {
            foreach (var b in text[8..])
                h = (h ^ b) * 0x100000001B3ul;
        }

        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ul;
        h ^= h >> 32;
        return (int)(h & 0x7fffffff);
    }
}

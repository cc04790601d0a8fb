using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Annotate.AgreementReports;

/// <summary>
/// Gives each distinct UTF-8 text an integer id, in order of first appearance, looking texts up by their bytes:
/// nothing is decoded per row, and a text becomes a string only when its name is asked for (a million units' names
/// are rarely read). Texts must be canonical (valid UTF-8, already trimmed), so that equal bytes and equal strings
/// are the same thing.
/// </summary>
internal sealed class Utf8Interner
{
    private byte[] arena = new byte[1 << 12];
    private int used;
    private Entry[] entries = new Entry[64];
    private int[] buckets = new int[128]; // id + 1, 0 for empty; open addressing, at most half full
    private int last = -1;
    private NameList? names;

    // What a lookup compares, side by side: the first 8 bytes settle most comparisons (most ids are no longer).
    private struct Entry
    {
        public ulong Head;
        public int Start;
        public int Length;
        public int Hash;
    }

    public int Count { get; private set; }

    /// <summary>The bytes of all texts together.</summary>
    public int ByteCount => used;

    /// <summary>The names by id, each made on first access and kept.</summary>
    public IReadOnlyList<string> Names => names ??= new NameList(this);

    /// <summary>The bytes of text <paramref name="id"/>.</summary>
    public ReadOnlySpan<byte> Bytes(int id) => arena.AsSpan(entries[id].Start, entries[id].Length);

    /// <summary>
    /// Makes room for <paramref name="ids"/> texts of <paramref name="bytes"/> bytes in all, at most: the room is not
    /// cleared, so pages never used are never touched (a part of a file reserves as many units as it has lines), and
    /// no growing copies what was interned so far again and again.
    /// </summary>
    public void Reserve(int ids, int bytes)
    {
        if (ids > entries.Length)
        {
            var grown = GC.AllocateUninitializedArray<Entry>(ids);
            entries.AsSpan(0, Count).CopyTo(grown);
            entries = grown;
        }

        if (bytes > arena.Length)
        {
            var grown = GC.AllocateUninitializedArray<byte>(bytes);
            arena.AsSpan(0, used).CopyTo(grown);
            arena = grown;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per field of every rating
    public int Id(ReadOnlySpan<byte> text)
    {
        var head = Head(text);

        // Ratings files list a unit's ratings one after another: the last text seen is the likeliest.
        if (last >= 0 && Same(last, text, head))
            return last;

        // A handful of coders or labels: comparing with each is cheaper than hashing.
        var count = Count;
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
            if (entries[id].Hash == hash && Same(id, text, head))
                return last = id;
            slot = (slot + 1) & mask;
        }

        return last = Add(text, head, hash, slot);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Same(int id, ReadOnlySpan<byte> text, ulong head)
    {
        ref var entry = ref entries[id];
        return entry.Head == head && entry.Length == text.Length
            && (text.Length <= 8 || text[8..].SequenceEqual(arena.AsSpan(entry.Start + 8, text.Length - 8)));
    }

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

    private int Add(ReadOnlySpan<byte> text, ulong head, int hash, int slot)
    {
        var id = Count;
        if (used + text.Length > arena.Length || id == entries.Length)
            Reserve(id == entries.Length ? id * 2 : id, used + text.Length > arena.Length ? Math.Max(arena.Length * 2, used + text.Length) : used);
        text.CopyTo(arena.AsSpan(used));
        entries[id] = new Entry { Head = head, Start = used, Length = text.Length, Hash = hash };
        used += text.Length;
        Count++;
        buckets[slot] = id + 1;
        if ((id + 1) * 2 > buckets.Length)
            Rehash();
        return id;
    }

    private void Rehash()
    {
        buckets = new int[buckets.Length * 2];
        var mask = buckets.Length - 1;
        for (var id = 0; id < Count; id++)
        {
            var slot = entries[id].Hash & mask;
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

    // Names decoded when first read; the interner may still grow (a merge adds later parts' texts) and the list with it.
    private sealed class NameList(Utf8Interner interner) : IReadOnlyList<string>
    {
        private string?[] made = [];

        public int Count => interner.Count;

        public string this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)interner.Count, nameof(index));
                if (index >= made.Length)
                    Array.Resize(ref made, interner.Count);
                return made[index] ??= Encoding.UTF8.GetString(interner.Bytes(index));
            }
        }

        public IEnumerator<string> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
                yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

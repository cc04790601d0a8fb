using System.Buffers;
using System.IO.MemoryMappedFiles;

namespace Annotate.AgreementReports;

/// <summary>
/// A file mapped read-only into memory: its bytes are the page cache's, so reading a large ratings file costs no copy
/// into a fresh array (whose every page the kernel must first fault in and zero) and leaves no garbage on the GC heap
/// to collect afterwards. Valid until disposed; nothing read from it may keep a reference to its memory.
/// </summary>
internal sealed unsafe class MappedFile : MemoryManager<byte>
{
    private readonly MemoryMappedFile map;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* start;
    private readonly int length;

    private MappedFile(MemoryMappedFile map, MemoryMappedViewAccessor view, int length)
    {
        (this.map, this.view, this.length) = (map, view, length);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        start = pointer + view.PointerOffset;
    }

    /// <summary>The file mapped whole, or null when it is empty (which cannot be mapped) or longer than <paramref name="limit"/>.</summary>
    public static MappedFile? Open(FileStream file, long limit)
    {
        var length = file.Length;
        if (length == 0 || length > limit || length > int.MaxValue)
            return null;
        var map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        try
        {
            return new MappedFile(map, map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read), (int)length);
        }
        catch
        {
            map.Dispose();
            throw;
        }
    }

    public override Span<byte> GetSpan() => new(start, length);

    // The memory never moves: pinning is a no-op.
    public override MemoryHandle Pin(int elementIndex = 0) => new(start + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        map.Dispose();
    }
}

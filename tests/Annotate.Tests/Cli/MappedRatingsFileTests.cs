using System.Text;
using Annotate.AgreementReports;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Cli;

/// <summary>
/// A ratings file on disk is mapped into memory instead of copied (MappedFile): whatever its shape, the ratings and
/// errors must be those read from the same bytes in memory.
/// </summary>
public sealed class MappedRatingsFileTests : IDisposable
{
    private readonly string folder = TempFolder.Create();

    public void Dispose() => TempFolder.Delete(folder);

    private static string Describe(RatingColumns r) => string.Join("\n", [
        .. Enumerable.Range(0, r.Count).Select(i => $"{r.Units[r.UnitOf[i]]}|{r.Coders[r.CoderOf[i]]}|{r.Values[r.ValueOf[i]]}@{r.LineOf[i]}"),
        string.Join(",", r.ValueFirstLine)]);

    private string Outcome(byte[] bytes, bool onDisk)
    {
        try
        {
            if (!onDisk)
                return Describe(RatingsFile.Read(new MemoryStream(bytes)));
            var path = Path.Combine(folder, $"{Guid.NewGuid():N}.csv");
            File.WriteAllBytes(path, bytes);
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            return Describe(RatingsFile.Read(file));
        }
        catch (RatingsFileException ex)
        {
            return "error: " + ex.Message;
        }
    }

    public static TheoryData<string, byte[]> Files() => new()
    {
        { "quote free", Encoding.UTF8.GetBytes("unit,coder,value\nu1,a,x\nu1,b,y\r\n\nu2,a,\nu2,b,x") },
        { "byte-order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("unit,coder,value\nu1,a,x\nu1,b,x\n")] },
        { "quotes", Encoding.UTF8.GetBytes("unit,coder,value\n\"u\n1\",a,\"x, y\"\nu2,a,x\n") },
        { "UTF-16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("unit,coder,value\nu1,a,été\n")).ToArray() },
        { "empty", [] },
        { "one byte", "\n"u8.ToArray() },
        { "half a rating", Encoding.UTF8.GetBytes("unit,coder,value\nu1,a,x\nu2,,x\n") },
        { "duplicate", Encoding.UTF8.GetBytes("unit,coder,value\nu1,a,x\nu1,a,y\n") },
        { "no ratings column", Encoding.UTF8.GetBytes("unit,coder\nu1,a\n") },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void A_File_On_Disk_Reads_As_Its_Bytes_In_Memory(string shape, byte[] bytes)
    {
        var inMemory = Outcome(bytes, onDisk: false);

        var onDisk = Outcome(bytes, onDisk: true);

        Assert.False(string.IsNullOrEmpty(shape));
        Assert.Equal(inMemory, onDisk);
    }

}

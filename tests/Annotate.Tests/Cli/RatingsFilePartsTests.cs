using System.Text;
using Annotate.AgreementReports;

namespace Annotate.Tests.Cli;

/// <summary>
/// A ratings file without quotes is cut into parts read at once (QuoteFreeRatings): ids, lines, names and errors must
/// be exactly what the record-by-record reader gives for the same bytes, wherever the cuts fall.
/// </summary>
public sealed class RatingsFilePartsTests
{
    private static readonly string[] Columns = ["unit", "coder", "value"];

    private static RatingColumns Record(byte[] file) => RatingsFile.ReadRecords(new Utf8CsvReader(new MemoryStream(file)));

    private static RatingColumns Parts(byte[] file, int parts) => QuoteFreeRatings.Read(file, Columns, parts);

    private static string Describe(RatingColumns r) => string.Join("\n", [
        .. Enumerable.Range(0, r.Count).Select(i => $"{r.UnitOf[i]}|{r.CoderOf[i]}|{r.ValueOf[i]}@{r.LineOf[i]}"),
        string.Join(",", r.Units), string.Join(",", r.Coders), string.Join(",", r.Values), string.Join(",", r.ValueFirstLine)]);

    // Units rated over several lines, line ends of every kind, blank and short lines, white space (ASCII and not)
    // around fields, text beyond ASCII and invalid UTF-8 (which both readers decode to U+FFFD), an extra column.
    private static byte[] Messy(int units)
    {
        var random = new Random(7);
        var file = new MemoryStream();
        void Write(string text) => file.Write(Encoding.UTF8.GetBytes(text));
        string[] ends = ["\n", "\r\n", "\r"];
        string[] values = ["a", " b ", "\u00A0c", "été", "", "d\u3000"];
        Write("\n  \r\nnote, Unit ,value,CODER\n");
        for (var u = 0; u < units; u++)
        {
            for (var c = 0; c < 1 + random.Next(4); c++)
            {
                Write($"n{u},{(u % 7 == 0 ? " " : "")}u{u}{(u % 11 == 0 ? "é" : "")},");
                if (u % 13 == 0)
                    file.Write([(byte)'v', (byte)(0xFE + (c % 2))]); // two invalid bytes, one value for both readers
                else
                    Write(values[random.Next(values.Length)]);
                Write($",coder{c}{ends[random.Next(ends.Length)]}");
            }

            if (u % 17 == 0)
                Write(u % 2 == 0 ? "\n" : "x\n");
        }

        return file.ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Parts_Give_What_The_Record_Reader_Gives(int parts)
    {
        var file = Messy(400);

        Assert.Equal(Describe(Record(file)), Describe(Parts(file, parts)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void An_Error_In_A_Later_Part_Is_Reported_As_Reading_In_Order_Would(int parts)
    {
        var body = string.Concat(Enumerable.Range(0, 200).Select(u => $"u{u},a,x\nu{u},b,y\n"));
        var halfRating = Encoding.UTF8.GetBytes($"unit,coder,value\n{body}u9,,x\n{body}");
        var duplicateFirst = Encoding.UTF8.GetBytes($"unit,coder,value\nu1,a,x\nu1,a,y\n{body}{body}u9,,x\n");

        foreach (var file in new[] { halfRating, duplicateFirst })
        {
            var expected = Assert.Throws<RatingsFileException>(() => Record(file)).Message;
            Assert.Equal(expected, Assert.Throws<RatingsFileException>(() => Parts(file, parts)).Message);
        }
    }
}

using System.Text;
using Logfold.Processing.Parse.PaloAlto;

namespace Logfold.Processing.Tests.Parse.PaloAlto;

public sealed class PanCsvTests
{
    private static string[] Split(string line, bool braces = false)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var columns = new Range[PanCsv.MaxColumns];
        var flags = new byte[PanCsv.MaxColumns];
        var count = PanCsv.Split(bytes, columns, flags, braces);
        if (count < 0)
        {
            return ["<unterminated>"];
        }

        var record = new PanRecord(bytes, columns.AsSpan(0, count), flags.AsSpan(0, count));
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = record.Str(i) ?? string.Empty;
        }

        return result;
    }

    [Fact]
    public void Split_EmptyColumns_AreKept()
    {
        Assert.Equal(["a", "", "", "b", ""], Split("a,,,b,"));
    }

    [Fact]
    public void Split_QuotedComma_StaysInOneColumn()
    {
        Assert.Equal(["1", "x, y", "2"], Split("1,\"x, y\",2"));
    }

    [Fact]
    public void Split_DoubledQuotes_AreUnescaped()
    {
        Assert.Equal(["say \"hi\", ok", "end"], Split("\"say \"\"hi\"\", ok\",end"));
    }

    [Fact]
    public void Split_QuotedLastColumn_EndsTheRecord()
    {
        Assert.Equal(["a", "b,c"], Split("a,\"b,c\""));
    }

    [Fact]
    public void Split_UnterminatedQuote_ReportsTruncation()
    {
        Assert.Equal(["<unterminated>"], Split("a,\"b,c"));
    }

    [Fact]
    public void Split_BracesMode_KeepsBracedCommas()
    {
        Assert.Equal(["a", "{x,y,z}", "b"], Split("a,{x,y,z},b", braces: true));
        Assert.Equal(["a", "{x", "y", "z}", "b"], Split("a,{x,y,z},b", braces: false));
    }

    [Fact]
    public void Split_TooManyColumns_StopsAtTheCap()
    {
        var line = string.Join(',', Enumerable.Repeat("x", PanCsv.MaxColumns + 40));

        Assert.Equal(PanCsv.MaxColumns, Split(line).Length);
    }

    [Theory]
    [InlineData("2024/03/12 09:15:03", 19)]
    [InlineData("2021-10-22T16:10:10.000000Z,rest", 27)]
    [InlineData("2024/3/12 09:15:03", 0)]
    [InlineData("Mar 12 09:15:03", 0)]
    public void TimeLength_PanAndIsoTimes_AreMeasured(string text, int expected)
    {
        Assert.Equal(expected, PanTime.TimeLength(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void TryFlags_HexAndDecimal_AreRead()
    {
        var bytes = "0x8000000000000000,0x400053,12"u8.ToArray();
        var columns = new Range[8];
        var flags = new byte[8];
        var count = PanCsv.Split(bytes, columns, flags, braces: false);
        var record = new PanRecord(bytes, columns.AsSpan(0, count), flags.AsSpan(0, count));

        Assert.True(record.TryFlags(0, out var high));
        Assert.Equal(long.MinValue, high);
        Assert.True(record.TryFlags(1, out var nat));
        Assert.Equal(0x400053, nat);
        Assert.True(record.TryFlags(2, out var dec));
        Assert.Equal(12, dec);
    }
}

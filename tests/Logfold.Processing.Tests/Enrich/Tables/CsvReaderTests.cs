using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Tests.Enrich.Tables;

public sealed class CsvReaderTests
{
    [Fact]
    public void TryReadRow_QuotedFields_HandlesCommasQuotesAndLineBreaks()
    {
        var reader = new CsvReader("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n# note\n\nlast,,z\n", "f.csv", allowComments: true);
        var row = new List<string>();

        Assert.True(reader.TryReadRow(row, out var line1));
        Assert.Equal(["a", "b", "c"], row);
        Assert.Equal(1, line1);
        Assert.True(reader.TryReadRow(row, out var line2));
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], row);
        Assert.Equal(2, line2);
        Assert.True(reader.TryReadRow(row, out var line3));
        Assert.Equal(["last", string.Empty, "z"], row);
        Assert.Equal(6, line3);
        Assert.False(reader.TryReadRow(row, out _));
    }

    [Fact]
    public void TryReadRow_UnclosedQuote_ThrowsWithFileAndLine()
    {
        var reader = new CsvReader("a,b\n1,2\n3,\"open\n", "feed.csv", allowComments: false);
        var row = new List<string>();
        reader.TryReadRow(row, out _);
        reader.TryReadRow(row, out _);

        var ex = Assert.Throws<EnrichmentDataException>(() => reader.TryReadRow(row, out _));
        Assert.Contains("feed.csv:3:", ex.Message, StringComparison.Ordinal);
    }
}

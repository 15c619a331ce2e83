using Logfold.Contracts;
using Logfold.Serialization.Avro;
using AvroSchema = Avro.Schema;

namespace Logfold.Serialization.Tests.Avro;

public sealed class AvroBinaryValidatorTests
{
    private static readonly AvroSchema Strings = AvroSchema.Parse("""{"type":"array","items":"string"}""");
    private static readonly AvroSchema Nulls = AvroSchema.Parse("""{"type":"array","items":"null"}""");
    private static readonly AvroSchema Record = AvroSchema.Parse(
        """{"type":"record","name":"R","fields":[{"name":"s","type":["null","string"]},{"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]}},{"name":"m","type":{"type":"map","values":"long"}}]}""");

    [Fact]
    public void Validate_HugeArrayBlockCount_RejectedWithoutReadingItems()
    {
        // Regression: a mutated block count of ~10^9 made the Avro decoder loop for minutes on one record.
        byte[] data = [.. ZigZag(1_000_000_000), 2, (byte)'a', 0];

        var error = Assert.Throws<RecordFormatException>(() => AvroBinaryValidator.Validate(data, Strings));

        Assert.Contains("more items than the record can hold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManyZeroByteItems_CappedAtAMillion()
    {
        Assert.Throws<RecordFormatException>(() => AvroBinaryValidator.Validate([.. ZigZag(2_000_000), 0], Nulls));
        AvroBinaryValidator.Validate([.. ZigZag(1000), 0], Nulls);
    }

    [Fact]
    public void Validate_WellFormedRecord_Passes()
    {
        // s = "hi" (branch 1), e = B, m = {"k": 3}
        byte[] data = [2, 4, (byte)'h', (byte)'i', 2, 2, 2, (byte)'k', 6, 0];

        AvroBinaryValidator.Validate(data, Record);
    }

    [Theory]
    [InlineData(new byte[] { 4, 4, (byte)'h', (byte)'i', 2, 0 }, "union branch 2")]
    [InlineData(new byte[] { 2, 40, (byte)'h', 2, 0 }, "longer than the record")]
    [InlineData(new byte[] { 2, 3, 2, 0 }, "negative length")]
    [InlineData(new byte[] { 0, 8, 0 }, "enum symbol 4")]
    [InlineData(new byte[] { 0, 2, 0, 9 }, "unexpected bytes")]
    [InlineData(new byte[] { 0, 2 }, "ends early")]
    [InlineData(new byte[] { 0, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "longer than 10 bytes")]
    public void Validate_CorruptRecord_ThrowsWithReason(byte[] data, string reason)
    {
        var error = Assert.Throws<RecordFormatException>(() => AvroBinaryValidator.Validate(data, Record));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static byte[] ZigZag(long value)
    {
        var bytes = new List<byte>();
        var n = (ulong)((value << 1) ^ (value >> 63));
        while (n >= 0x80)
        {
            bytes.Add((byte)(n | 0x80));
            n >>= 7;
        }

        bytes.Add((byte)n);
        return [.. bytes];
    }
}

using System.Text;
using Confluent.Kafka;
using Logfold.Processing.Pipeline;
using ContractHeaders = Logfold.Contracts.Headers;

namespace Logfold.Kafka.Tests.Kafka;

public sealed class DlqWriterTests
{
    private static ConsumeResult<byte[], byte[]> Source(Headers? headers) => new()
    {
        Topic = "logs.raw",
        Partition = new Partition(3),
        Offset = new Offset(42),
        Message = new Message<byte[], byte[]>
        {
            Key = "k"u8.ToArray(),
            Value = [0xFF, 0x00, 0x41],
            Timestamp = new Timestamp(1_700_000_000_123, TimestampType.CreateTime),
            Headers = headers,
        },
    };

    private static string H(Message<byte[], byte[]> m, string name) =>
        m.Headers.TryGetLastBytes(name, out var v) ? Encoding.UTF8.GetString(v) : "(absent)";

    [Fact]
    public void Build_DataFailure_KeepsOriginalBytesAndSetsErrorContext()
    {
        var writer = new DlqWriter("detector", "logs.dlq");
        var m = writer.Build(Source(null), "invalid_utf8", "The event is not valid UTF-8.", null, ErrorCategory.Data);

        Assert.Equal("k"u8.ToArray(), m.Key);
        Assert.Equal(new byte[] { 0xFF, 0x00, 0x41 }, m.Value);
        Assert.Equal("detector", H(m, ContractHeaders.ErrorStage));
        Assert.Equal("Data", H(m, ContractHeaders.ErrorCategory));
        Assert.Equal("invalid_utf8", H(m, ContractHeaders.ErrorReason));
        Assert.Equal("The event is not valid UTF-8.", H(m, ContractHeaders.ErrorMessage));
        Assert.Equal("(absent)", H(m, ContractHeaders.ErrorExceptionType));
        Assert.Equal("logs.raw", H(m, ContractHeaders.SourceTopic));
        Assert.Equal("3", H(m, ContractHeaders.SourcePartition));
        Assert.Equal("42", H(m, ContractHeaders.SourceOffset));
        Assert.Equal("1700000000123", H(m, ContractHeaders.SourceTimestamp));
        Assert.Equal("0", H(m, ContractHeaders.RetryCount));
    }

    [Fact]
    public void Build_RedrivenRecord_CarriesRetryCountAndHintButReplacesOldErrorHeaders()
    {
        var headers = new Headers
        {
            { ContractHeaders.RetryCount, "2"u8.ToArray() },
            { ContractHeaders.SourceHint, "paloalto"u8.ToArray() },
            { ContractHeaders.ErrorReason, "old"u8.ToArray() },
            { ContractHeaders.SourceOffset, "7"u8.ToArray() },
        };
        var m = new DlqWriter("normalizer", "logs.dlq").Build(Source(headers), "processor_exception", "boom", new InvalidOperationException("boom"), ErrorCategory.System);

        Assert.Equal("2", H(m, ContractHeaders.RetryCount));
        Assert.Equal("paloalto", H(m, ContractHeaders.SourceHint));
        Assert.Equal("processor_exception", H(m, ContractHeaders.ErrorReason));
        Assert.Equal("42", H(m, ContractHeaders.SourceOffset));
        Assert.Equal(1, m.Headers.Count(h => h.Key == ContractHeaders.ErrorReason));
        Assert.Equal("System.InvalidOperationException", H(m, ContractHeaders.ErrorExceptionType));
        Assert.Equal("System", H(m, ContractHeaders.ErrorCategory));
    }

    [Fact]
    public void Build_LongMessage_IsCapped()
    {
        var m = new DlqWriter("detector", "logs.dlq").Build(Source(null), "x", new string('m', 5000), null, ErrorCategory.Data);

        Assert.Equal(DlqWriter.MaxMessageChars, H(m, ContractHeaders.ErrorMessage).Length);
    }
}

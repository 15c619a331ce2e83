using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Logfold.Processing.Pipeline;
using ContractHeaders = Logfold.Contracts.Headers;

namespace Logfold.Kafka;

/// <summary>
/// Builds dead-letter records: the original key and value bytes, the original headers (so a source hint survives
/// a redrive), and the error context under <c>logfold.error.*</c> and <c>logfold.source.*</c>, plus
/// <c>logfold.retry.count</c> carried over from the input (0 when absent).
/// </summary>
internal sealed class DlqWriter(string stage, string topic)
{
    /// <summary>The longest message kept in <c>logfold.error.message</c>.</summary>
    public const int MaxMessageChars = 1024;

    private readonly byte[] _stage = Encoding.UTF8.GetBytes(stage);

    /// <summary>The dead-letter topic.</summary>
    public string Topic { get; } = topic;

    /// <summary>Builds the DLQ record for <paramref name="source"/>.</summary>
    public Message<byte[], byte[]> Build(ConsumeResult<byte[], byte[]> source, string reason, string detail, Exception? exception, ErrorCategory category)
    {
        ArgumentNullException.ThrowIfNull(source);
        var headers = new Headers();
        var retry = "0"u8.ToArray();
        if (source.Message.Headers is { } original)
        {
            foreach (var h in original)
            {
                if (string.Equals(h.Key, ContractHeaders.RetryCount, StringComparison.Ordinal))
                {
                    retry = h.GetValueBytes() ?? retry;
                }
                else if (!h.Key.StartsWith("logfold.error.", StringComparison.Ordinal) && !IsSourceHeader(h.Key))
                {
                    headers.Add(h.Key, h.GetValueBytes());
                }
            }
        }

        headers.Add(ContractHeaders.ErrorStage, _stage);
        headers.Add(ContractHeaders.ErrorCategory, Utf8(CategoryName(category)));
        headers.Add(ContractHeaders.ErrorReason, Utf8(reason));
        headers.Add(ContractHeaders.ErrorMessage, Utf8(detail.Length > MaxMessageChars ? detail[..MaxMessageChars] : detail));
        if (exception is not null)
        {
            headers.Add(ContractHeaders.ErrorExceptionType, Utf8(exception.GetType().FullName ?? exception.GetType().Name));
        }

        headers.Add(ContractHeaders.SourceTopic, Utf8(source.Topic));
        headers.Add(ContractHeaders.SourcePartition, Utf8(source.Partition.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(ContractHeaders.SourceOffset, Utf8(source.Offset.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(ContractHeaders.SourceTimestamp, Utf8(source.Message.Timestamp.UnixTimestampMs.ToString(CultureInfo.InvariantCulture)));
        headers.Add(ContractHeaders.RetryCount, retry);
        return new Message<byte[], byte[]> { Key = source.Message.Key, Value = source.Message.Value, Headers = headers };
    }

    /// <summary>The header value for a category.</summary>
    public static string CategoryName(ErrorCategory category) => category switch
    {
        ErrorCategory.Data => "Data",
        ErrorCategory.Transient => "Transient",
        ErrorCategory.System => "System",
        ErrorCategory.Config => "Config",
        _ => "System",
    };

    private static bool IsSourceHeader(string key) =>
        string.Equals(key, ContractHeaders.SourceTopic, StringComparison.Ordinal)
        || string.Equals(key, ContractHeaders.SourcePartition, StringComparison.Ordinal)
        || string.Equals(key, ContractHeaders.SourceOffset, StringComparison.Ordinal)
        || string.Equals(key, ContractHeaders.SourceTimestamp, StringComparison.Ordinal);

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}

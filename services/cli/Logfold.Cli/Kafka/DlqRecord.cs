using System.Globalization;
using System.Text;
using Confluent.Kafka;
using LogfoldHeaders = Logfold.Contracts.Headers;

namespace Logfold.Cli.Kafka;

/// <summary>The error context of one <c>logs.dlq</c> record, read from its <c>logfold.error.*</c> and <c>logfold.source.*</c> headers.</summary>
internal sealed class DlqRecord
{
    private DlqRecord(ConsumeResult<byte[], byte[]> result)
    {
        Result = result;
    }

    public ConsumeResult<byte[], byte[]> Result { get; }

    public int Partition => Result.Partition.Value;

    public long Offset => Result.Offset.Value;

    /// <summary>When the record was dead-lettered (its Kafka timestamp).</summary>
    public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(Result.Message.Timestamp.UnixTimestampMs);

    public string? Stage { get; private init; }

    public string? Category { get; private init; }

    public string? Reason { get; private init; }

    public string? SourceTopic { get; private init; }

    public int? SourcePartition { get; private init; }

    public long? SourceOffset { get; private init; }

    /// <summary>The <c>logfold.retry.count</c> header: 0 when absent, null when present but not a whole number.</summary>
    public int? RetryCount { get; private init; }

    public static DlqRecord From(ConsumeResult<byte[], byte[]> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var headers = result.Message.Headers;
        var retry = Text(headers, LogfoldHeaders.RetryCount);
        return new DlqRecord(result)
        {
            Stage = Text(headers, LogfoldHeaders.ErrorStage),
            Category = Text(headers, LogfoldHeaders.ErrorCategory),
            Reason = Text(headers, LogfoldHeaders.ErrorReason),
            SourceTopic = Text(headers, LogfoldHeaders.SourceTopic),
            SourcePartition = int.TryParse(Text(headers, LogfoldHeaders.SourcePartition), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null,
            SourceOffset = long.TryParse(Text(headers, LogfoldHeaders.SourceOffset), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : null,
            RetryCount = retry is null ? 0 : int.TryParse(retry, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null,
        };
    }

    /// <summary>One line: <c>p0@12 TIME stage=… category=… reason=… source=topic/partition@offset retry=N</c>.</summary>
    public string Describe()
    {
        var source = SourceTopic is null
            ? "-"
            : string.Create(CultureInfo.InvariantCulture, $"{SourceTopic}/{(SourcePartition is { } p ? p.ToString(CultureInfo.InvariantCulture) : "?")}@{(SourceOffset is { } o ? o.ToString(CultureInfo.InvariantCulture) : "?")}");
        var retry = RetryCount is { } r ? r.ToString(CultureInfo.InvariantCulture) : "invalid";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"p{Partition}@{Offset}  {CliTime.Format(Time)}  stage={Safe(Stage)}  category={Safe(Category)}  reason={Safe(Reason)}  source={source}  retry={retry}");
    }

    private static string? Text(Confluent.Kafka.Headers? headers, string name)
    {
        if (headers is null || !headers.TryGetLastBytes(name, out var bytes) || bytes is null)
        {
            return null;
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Header text as a single token: control characters and spaces become <c>?</c>, so a line cannot be forged.</summary>
    private static string Safe(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]) || char.IsWhiteSpace(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}

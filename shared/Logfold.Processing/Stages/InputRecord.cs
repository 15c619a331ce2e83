using System.Text;

namespace Logfold.Processing.Stages;

/// <summary>
/// One record handed to a stage: key and value bytes, headers, and where it came from. The stage must not keep
/// references to <see cref="Value"/> or <see cref="Key"/> after <see cref="IStageProcessor.Process"/> returns.
/// </summary>
public readonly struct InputRecord
{
    /// <summary>Creates a record.</summary>
    public InputRecord(byte[]? key, ReadOnlyMemory<byte> value, IRecordHeaders? headers, string topic, int partition, long offset, long timestampMs)
    {
        Key = key;
        Value = value;
        Headers = headers;
        Topic = topic;
        Partition = partition;
        Offset = offset;
        TimestampMs = timestampMs;
    }

    /// <summary>The key bytes, or null.</summary>
    public byte[]? Key { get; }

    /// <summary>The value bytes.</summary>
    public ReadOnlyMemory<byte> Value { get; }

    /// <summary>The headers, or null when the record has none.</summary>
    public IRecordHeaders? Headers { get; }

    /// <summary>The topic the record was read from.</summary>
    public string Topic { get; }

    /// <summary>Its partition.</summary>
    public int Partition { get; }

    /// <summary>Its offset.</summary>
    public long Offset { get; }

    /// <summary>Its timestamp (Unix milliseconds; the producer's create time or the broker's append time).</summary>
    public long TimestampMs { get; }

    /// <summary>The last header named <paramref name="name"/> as UTF-8 text, or null when absent or empty.</summary>
    public string? GetHeaderString(string name)
    {
        if (Headers is null || !Headers.TryGetLast(name, out var bytes) || bytes.IsEmpty)
        {
            return null;
        }

        return Encoding.UTF8.GetString(bytes.Span);
    }
}

using Confluent.Kafka;

namespace Logfold.Cli.Kafka;

/// <summary>The offsets of a DLQ topic to read: from a start (log start, a group's committed position, or <c>--since</c>) to the log end now.</summary>
internal static class DlqRanges
{
    /// <param name="committed">Per-partition start positions (a redrive group's committed offsets), or null to start at the log start.</param>
    public static List<PartitionRange> Plan(
        IConsumer<byte[], byte[]> consumer,
        string topic,
        List<int> partitions,
        IReadOnlyDictionary<TopicPartition, long>? committed,
        DateTimeOffset? since,
        TimeSpan timeout,
        TimeProvider clock)
    {
        var tps = new List<TopicPartition>(partitions.Count);
        var marks = new Dictionary<TopicPartition, WatermarkOffsets>();
        foreach (var p in partitions)
        {
            var tp = new TopicPartition(topic, p);
            tps.Add(tp);
            marks[tp] = consumer.QueryWatermarkOffsets(tp, timeout);
        }

        var fromTime = since is { } t ? TimestampOffsets.Resolve(consumer, tps, marks, t, timeout, clock) : null;
        var ranges = new List<PartitionRange>(tps.Count);
        foreach (var tp in tps)
        {
            var start = marks[tp].Low.Value;
            if (committed is not null && committed.TryGetValue(tp, out var c) && c > start)
            {
                start = c;
            }

            if (fromTime is not null && fromTime[tp] > start)
            {
                start = fromTime[tp];
            }

            ranges.Add(new PartitionRange(tp, start, marks[tp].High.Value));
        }

        return ranges;
    }
}

using Confluent.Kafka;

namespace Logfold.Cli.Kafka;

/// <summary>
/// Reads partitions by assignment (no group membership, no commits) from a start offset up to an end offset
/// fixed before reading, so a read terminates even while producers keep writing. With read_committed the
/// last offsets can be transaction markers, so a partition also ends at its end-of-partition event.
/// </summary>
internal static class BoundedReader
{
    /// <summary>Calls <paramref name="onRecord"/> for each record in the ranges; it returns false to stop early.</summary>
    /// <exception cref="KafkaCommandException">No progress for <paramref name="idleTimeout"/>.</exception>
    public static void Read(
        IConsumer<byte[], byte[]> consumer,
        IReadOnlyList<PartitionRange> ranges,
        TimeSpan idleTimeout,
        TimeProvider clock,
        Func<ConsumeResult<byte[], byte[]>, bool> onRecord)
    {
        var pending = new Dictionary<TopicPartition, long>();
        var assignment = new List<TopicPartitionOffset>();
        foreach (var range in ranges)
        {
            if (!range.IsEmpty)
            {
                pending[range.Partition] = range.End;
                assignment.Add(new TopicPartitionOffset(range.Partition, range.Start));
            }
        }

        if (pending.Count == 0)
        {
            return;
        }

        consumer.Assign(assignment);
        try
        {
            var lastProgress = clock.GetTimestamp();
            while (pending.Count > 0)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result is null)
                {
                    if (clock.GetElapsedTime(lastProgress) > idleTimeout)
                    {
                        throw new KafkaCommandException(
                            $"No progress reading {string.Join(", ", pending.Keys)} for {idleTimeout.TotalSeconds:0}s.");
                    }

                    continue;
                }

                lastProgress = clock.GetTimestamp();
                if (!pending.TryGetValue(result.TopicPartition, out var end))
                {
                    continue;
                }

                if (result.IsPartitionEOF || result.Offset.Value >= end)
                {
                    pending.Remove(result.TopicPartition);
                    continue;
                }

                if (!onRecord(result))
                {
                    return;
                }

                if (result.Offset.Value >= end - 1)
                {
                    pending.Remove(result.TopicPartition);
                }
            }
        }
        finally
        {
            consumer.Unassign();
        }
    }
}

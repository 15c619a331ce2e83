using Confluent.Kafka;

namespace Logfold.Cli.Kafka;

/// <summary>
/// Finds, per partition, the earliest offset whose record timestamp is at or after a time (the partition's end
/// offset when none is). Asks the broker (OffsetsForTimes). A cluster that cannot look up by time (librdkafka's
/// development mock answers "end" even for time zero) is detected with one probe and handled by scanning the
/// partition instead, so <c>logfold dev-kafka</c> users get the same answer as on real Kafka.
/// </summary>
internal static class TimestampOffsets
{
    public static Dictionary<TopicPartition, long> Resolve(
        IConsumer<byte[], byte[]> consumer,
        IReadOnlyList<TopicPartition> partitions,
        IReadOnlyDictionary<TopicPartition, WatermarkOffsets> watermarks,
        DateTimeOffset time,
        TimeSpan timeout,
        TimeProvider clock)
    {
        var target = new Timestamp(time);
        var query = new List<TopicPartitionTimestamp>(partitions.Count);
        foreach (var tp in partitions)
        {
            query.Add(new TopicPartitionTimestamp(tp, target));
        }

        var result = new Dictionary<TopicPartition, long>();
        var unresolved = new List<TopicPartition>();
        foreach (var answer in consumer.OffsetsForTimes(query, timeout))
        {
            var marks = watermarks[answer.TopicPartition];
            if (answer.Offset.Value >= 0)
            {
                result[answer.TopicPartition] = answer.Offset.Value;
            }
            else if (marks.High.Value <= marks.Low.Value)
            {
                result[answer.TopicPartition] = marks.High.Value;
            }
            else
            {
                unresolved.Add(answer.TopicPartition);
            }
        }

        if (unresolved.Count == 0 || SupportsTimeLookup(consumer, unresolved[0], timeout))
        {
            foreach (var tp in unresolved)
            {
                result[tp] = watermarks[tp].High.Value;
            }

            return result;
        }

        foreach (var tp in unresolved)
        {
            result[tp] = Scan(consumer, tp, watermarks[tp], target.UnixTimestampMs, timeout, clock);
        }

        return result;
    }

    /// <summary>Every record of a non-empty partition has a timestamp at or after 1970, so a real broker answers time 0 with an offset.</summary>
    private static bool SupportsTimeLookup(IConsumer<byte[], byte[]> consumer, TopicPartition nonEmpty, TimeSpan timeout)
    {
        var probe = consumer.OffsetsForTimes([new TopicPartitionTimestamp(nonEmpty, new Timestamp(0, TimestampType.CreateTime))], timeout);
        return probe.Count == 1 && probe[0].Offset.Value >= 0;
    }

    private static long Scan(IConsumer<byte[], byte[]> consumer, TopicPartition tp, WatermarkOffsets marks, long targetMs, TimeSpan timeout, TimeProvider clock)
    {
        var found = marks.High.Value;
        BoundedReader.Read(consumer, [new PartitionRange(tp, marks.Low.Value, marks.High.Value)], timeout, clock, record =>
        {
            if (record.Message.Timestamp.UnixTimestampMs >= targetMs)
            {
                found = record.Offset.Value;
                return false;
            }

            return true;
        });
        return found;
    }
}

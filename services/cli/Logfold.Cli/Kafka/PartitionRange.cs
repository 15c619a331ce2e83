using Confluent.Kafka;

namespace Logfold.Cli.Kafka;

/// <summary>Offsets <c>[Start, End)</c> of one partition to read.</summary>
internal readonly record struct PartitionRange(TopicPartition Partition, long Start, long End)
{
    public bool IsEmpty => Start >= End;
}

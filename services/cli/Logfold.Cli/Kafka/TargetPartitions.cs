using Confluent.Kafka;

namespace Logfold.Cli.Kafka;

/// <summary>Partition counts of redrive destinations, looked up once per topic.</summary>
internal sealed class TargetPartitions(IAdminClient admin, TimeSpan timeout)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public bool Exists(string topic, out int partitions)
    {
        if (!_counts.TryGetValue(topic, out partitions))
        {
            try
            {
                partitions = KafkaClients.Partitions(admin, topic, timeout).Count;
            }
            catch (KafkaCommandException)
            {
                partitions = 0;
            }

            _counts[topic] = partitions;
        }

        return partitions > 0;
    }
}

using System.Collections.Concurrent;
using Confluent.Kafka;

namespace Logfold.Testing.Kafka;

/// <summary>
/// Finds out whether a cluster hides aborted transactional records from <c>read_committed</c> consumers. Real
/// Kafka does; librdkafka's mock cluster does not (it serves every record). Exactly-once tests assert the strict
/// property where the cluster supports it and a weaker, still failing-capable one where it does not.
/// </summary>
public static class TransactionProbe
{
    private static readonly ConcurrentDictionary<string, bool> Cache = new(StringComparer.Ordinal);

    /// <summary>True when aborted records stay invisible to read_committed consumers.</summary>
    public static bool FiltersAbortedRecords(KafkaTestCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return Cache.GetOrAdd(cluster.BootstrapServers, Probe);
    }

    private static bool Probe(string bootstrap)
    {
        var topic = "logfold-probe-" + Guid.NewGuid().ToString("N");
        var tp = new TopicPartition(topic, new Partition(0));
        using (var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, TransactionalId = topic }).Build())
        {
            producer.InitTransactions(TimeSpan.FromSeconds(30));
            producer.BeginTransaction();
            producer.Produce(tp, new Message<byte[]?, byte[]> { Value = "aborted"u8.ToArray() });
            producer.Flush(TimeSpan.FromSeconds(10));
            producer.AbortTransaction(TimeSpan.FromSeconds(30));
            producer.BeginTransaction();
            producer.Produce(tp, new Message<byte[]?, byte[]> { Value = "committed"u8.ToArray() });
            producer.CommitTransaction(TimeSpan.FromSeconds(30));
        }

        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = topic,
            IsolationLevel = IsolationLevel.ReadCommitted,
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Assign(new TopicPartitionOffset(tp, Offset.Beginning));
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(10))
        {
            var r = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (r?.Message?.Value is { } v)
            {
                return !v.AsSpan().SequenceEqual("aborted"u8);
            }
        }

        return false;
    }
}

using System.Text;
using Confluent.Kafka;
using Logfold.Testing.Kafka;

namespace Logfold.Enricher.Tests.Support;

/// <summary>Produces test records and reads topics back with read_committed, as a downstream consumer would.</summary>
internal static class TopicIo
{
    private static int _unique;

    public static string Unique(string prefix) =>
        prefix + "-" + Interlocked.Increment(ref _unique).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    /// <summary>
    /// Creates topics through broker auto-creation (a producer's metadata request), so a consumer can be assigned
    /// before the first record is written.
    /// </summary>
    public static void Touch(KafkaTestCluster cluster, params string[] topics)
    {
        var config = new ProducerConfig { BootstrapServers = cluster.BootstrapServers };
        config.Set("allow.auto.create.topics", "true");
        using var producer = new ProducerBuilder<byte[], byte[]>(config).Build();
        using var admin = new DependentAdminClientBuilder(producer.Handle).Build();
        foreach (var topic in topics)
        {
            admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
        }
    }

    public static void Produce(KafkaTestCluster cluster, string topic, IEnumerable<(string Key, byte[] Value)> records)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, LingerMs = 5, EnableIdempotence = true }).Build();
        foreach (var (key, value) in records)
        {
            producer.Produce(topic, new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(key), Value = value });
        }

        if (producer.Flush(TimeSpan.FromSeconds(30)) != 0)
        {
            throw new InvalidOperationException("The test producer could not flush.");
        }
    }

    /// <summary>
    /// Reads <paramref name="topics"/> from the start until at least <paramref name="expected"/> records arrived and
    /// nothing more came for a quiet period (so duplicates would show), or until <paramref name="timeout"/>.
    /// </summary>
    public static List<ConsumeResult<byte[], byte[]>> Read(KafkaTestCluster cluster, IReadOnlyList<string> topics, int expected, TimeSpan timeout)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = Unique("reader"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            IsolationLevel = IsolationLevel.ReadCommitted,
            EnableAutoCommit = false,
            AllowAutoCreateTopics = true,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        consumer.Subscribe(topics);
        var result = new List<ConsumeResult<byte[], byte[]>>();
        var time = TimeProvider.System;
        var started = time.GetTimestamp();
        var last = started;
        while (time.GetElapsedTime(started) < timeout)
        {
            ConsumeResult<byte[], byte[]>? r;
            try
            {
                r = consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException ex) when (!ex.Error.IsFatal)
            {
                r = null; // A topic nothing has been written to yet.
            }

            if (r is not null && !r.IsPartitionEOF)
            {
                result.Add(r);
                last = time.GetTimestamp();
                continue;
            }

            if (result.Count >= expected && time.GetElapsedTime(last) >= TimeSpan.FromSeconds(1.5))
            {
                break;
            }
        }

        consumer.Close();
        return result;
    }

    public static string? Header(ConsumeResult<byte[], byte[]> r, string name) =>
        r.Message.Headers is { } h && h.TryGetLastBytes(name, out var v) ? Encoding.UTF8.GetString(v) : null;
}

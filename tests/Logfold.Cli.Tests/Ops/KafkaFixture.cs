using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Logfold.Testing.Kafka;

namespace Logfold.Cli.Tests.Ops;

/// <summary>One cluster per test class (mock, or LOGFOLD_TEST_KAFKA); each test uses its own topic and group names.</summary>
public sealed class KafkaFixture : IDisposable
{
    private int _next;

    public KafkaFixture()
    {
        Cluster = KafkaTestCluster.Start();
    }

    public KafkaTestCluster Cluster { get; }

    public string Bootstrap => Cluster.BootstrapServers;

    public string Name(string prefix) =>
        prefix + "-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];

    public void Produce(string topic, int partition, IEnumerable<Message<byte[], byte[]>> messages)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = Bootstrap, EnableIdempotence = true }).Build();
        foreach (var m in messages)
        {
            producer.Produce(new TopicPartition(topic, partition), m);
        }

        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    public void ProduceText(string topic, int partition, int count, long firstTimestampMs = 0)
    {
        var messages = new List<Message<byte[], byte[]>>();
        for (var i = 0; i < count; i++)
        {
            var m = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes("k"), Value = Encoding.UTF8.GetBytes("v" + i) };
            if (firstTimestampMs > 0)
            {
                m.Timestamp = new Timestamp(firstTimestampMs + (i * 1000L), TimestampType.CreateTime);
            }

            messages.Add(m);
        }

        Produce(topic, partition, messages);
    }

    public IConsumer<byte[], byte[]> Consumer(string group, bool autoCommit = false) =>
        new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = Bootstrap,
            GroupId = group,
            EnableAutoCommit = autoCommit,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            IsolationLevel = IsolationLevel.ReadCommitted,
            SessionTimeoutMs = 6000,
        }).Build();

    public void Commit(string group, string topic, int partition, long offset)
    {
        using var consumer = Consumer(group);
        consumer.Commit([new TopicPartitionOffset(topic, partition, offset)]);
        consumer.Close();
    }

    public long Committed(string group, string topic, int partition)
    {
        using var consumer = Consumer(group);
        var offset = consumer.Committed([new TopicPartition(topic, partition)], TimeSpan.FromSeconds(20))[0].Offset.Value;
        consumer.Close();
        return offset;
    }

    /// <summary>Joins <paramref name="group"/>, subscribes, and returns the values of the first <paramref name="count"/> records it gets.</summary>
    public List<string> ConsumeAsMember(string group, string topic, int count)
    {
        using var consumer = Consumer(group);
        consumer.Subscribe(topic);
        var values = new List<string>();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (values.Count < count && TimeProvider.System.GetUtcNow() < deadline)
        {
            var r = consumer.Consume(TimeSpan.FromMilliseconds(500));
            if (r is { IsPartitionEOF: false })
            {
                values.Add(Encoding.UTF8.GetString(r.Message.Value));
            }
        }

        consumer.Close();
        return values;
    }

    /// <summary>Reads partition <paramref name="partition"/> of <paramref name="topic"/> from the start by assignment.</summary>
    public List<ConsumeResult<byte[], byte[]>> ReadAll(string topic, int partition, int expected)
    {
        using var consumer = Consumer("reader-" + Guid.NewGuid().ToString("N"));
        consumer.Assign(new TopicPartitionOffset(topic, partition, Offset.Beginning));
        var results = new List<ConsumeResult<byte[], byte[]>>();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(30);
        while (results.Count < expected && TimeProvider.System.GetUtcNow() < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(500)) is { IsPartitionEOF: false } r)
            {
                results.Add(r);
            }
        }

        consumer.Close();
        return results;
    }

    public long EndOffset(string topic, int partition)
    {
        using var consumer = Consumer("wm-" + Guid.NewGuid().ToString("N"));
        return consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(20)).High.Value;
    }

    public void Dispose() => Cluster.Dispose();
}

using System.Text;
using Confluent.Kafka;
using Logfold.Processing.Stages;
using Logfold.Testing.Kafka;
using Microsoft.Extensions.Logging.Abstractions;

namespace Logfold.Kafka.Tests.Support;

/// <summary>Produces inputs, runs stage workers on their own threads, and reads topics back with read_committed.</summary>
internal static class KafkaTestKit
{
    private static int _unique;

    public static string Unique(string prefix) => prefix + "-" + Interlocked.Increment(ref _unique).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    public static StageOptions Stage(string input, string output, string dlq, Action<StageOptions>? tweak = null)
    {
        var options = new StageOptions
        {
            InputTopic = input,
            OutputTopic = output,
            DeadLetterTopic = dlq,
            GroupId = Unique("group"),
            // Unique per stage (a restart reuses its options, so it keeps its id): clients a previous test left
            // behind can never fence this one.
            InstanceId = Unique("test"),
            BatchMaxRecords = 250,
            BatchMaxMs = 50,
            MaxRetries = 3,
            RetryInitialBackoffMs = 2,
            RetryMaxBackoffMs = 10,
            // librdkafka's mock cluster does not store offsets sent with SendOffsetsToTransaction.
            CommitOffsetsThroughConsumer = true,
        };
        tweak?.Invoke(options);
        return options;
    }

    public static RunningStage Start(KafkaTestCluster cluster, IStageProcessor processor, StageOptions options, IKafkaClientFactory? factory = null, StageMetrics? metrics = null)
    {
        // The output and DLQ topics exist before the stage writes, as in production (topic-init creates them), so
        // a reader never races the first transactional write that would otherwise create a topic.
        EnsureTopics(cluster, options.OutputTopic, options.DeadLetterTopic);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        kafka.Settings["allow.auto.create.topics"] = "true";
        // A restarted worker must not wait 45 s for its crashed predecessor to time out of the group.
        kafka.Settings["session.timeout.ms"] = "6000";
        kafka.Settings["heartbeat.interval.ms"] = "500";
        var worker = new StageWorker(processor, options, kafka, factory ?? new KafkaClientFactory(), metrics ?? new StageMetrics(Unique("Logfold.Test"), processor.Name), TimeProvider.System, NullLogger.Instance);
        return new RunningStage(worker);
    }

    /// <summary>Creates topics through a metadata request (auto-creation; the mock cannot run CreateTopics).</summary>
    public static void EnsureTopics(KafkaTestCluster cluster, params string[] topics)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = Unique("ensure"),
            AllowAutoCreateTopics = true,
        }).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        foreach (var topic in topics)
        {
            var started = TimeProvider.System.GetTimestamp();
            while (true)
            {
                var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(5));
                if (metadata.Topics.Count > 0 && !metadata.Topics[0].Error.IsError && metadata.Topics[0].Partitions.Count > 0)
                {
                    break;
                }

                if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(15))
                {
                    throw new TimeoutException($"topic {topic} was not created");
                }

                Task.Delay(100).GetAwaiter().GetResult();
            }
        }
    }

    public static void Produce(KafkaTestCluster cluster, string topic, IEnumerable<(byte[]? Key, byte[] Value, Headers? Headers)> records, long? baseTimestampMs = null)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, LingerMs = 5, EnableIdempotence = true }).Build();
        var tp = new TopicPartition(topic, new Partition(0));
        long i = 0;
        foreach (var (key, value, headers) in records)
        {
            var m = new Message<byte[]?, byte[]> { Key = key, Value = value, Headers = headers };
            if (baseTimestampMs is { } ts)
            {
                m.Timestamp = new Timestamp(ts + i, TimestampType.CreateTime);
            }

            i++;
            producer.Produce(tp, m);
            if ((i & 1023) == 0)
            {
                producer.Poll(TimeSpan.Zero);
            }
        }

        if (producer.Flush(TimeSpan.FromSeconds(30)) != 0)
        {
            throw new InvalidOperationException("Test producer could not flush.");
        }
    }

    public static void Produce(KafkaTestCluster cluster, string topic, IEnumerable<string> values) =>
        Produce(cluster, topic, values.Select(v => ((byte[]?)"k"u8.ToArray(), Encoding.UTF8.GetBytes(v), (Headers?)null)));

    /// <summary>
    /// Reads <paramref name="topics"/> from the start with read_committed until at least <paramref name="expected"/>
    /// records arrived and nothing more came for <paramref name="settle"/> (so duplicates would show), or until
    /// <paramref name="timeout"/>.
    /// </summary>
    public static List<ConsumeResult<byte[], byte[]>> Read(KafkaTestCluster cluster, IReadOnlyList<string> topics, int expected, TimeSpan timeout, TimeSpan? settle = null)
    {
        var quiet = settle ?? TimeSpan.FromMilliseconds(1500);
        var config = new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = Unique("reader"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            IsolationLevel = IsolationLevel.ReadCommitted,
            EnableAutoCommit = false,
            AllowAutoCreateTopics = true,
            // Pick up a topic created after subscribing (the DLQ, typically) within half a second.
            TopicMetadataRefreshIntervalMs = 500,
        };
        using var consumer = new ConsumerBuilder<byte[], byte[]>(config).Build();
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();

        // Assign partitions by hand (no group rebalances that would rewind the reader), discovering topics
        // created while reading, such as the DLQ.
        var assigned = new HashSet<TopicPartition>();
        var result = new List<ConsumeResult<byte[], byte[]>>();
        var started = TimeProvider.System.GetTimestamp();
        var last = started;
        var lastDiscovery = long.MinValue;
        while (TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            if (lastDiscovery == long.MinValue || TimeProvider.System.GetElapsedTime(lastDiscovery) > TimeSpan.FromMilliseconds(500))
            {
                lastDiscovery = TimeProvider.System.GetTimestamp();
                var added = new List<TopicPartitionOffset>();
                foreach (var topic in topics)
                {
                    var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(5));
                    foreach (var t in metadata.Topics)
                    {
                        if (t.Error.IsError)
                        {
                            continue;
                        }

                        foreach (var p in t.Partitions)
                        {
                            var tp = new TopicPartition(t.Topic, new Partition(p.PartitionId));
                            if (assigned.Add(tp))
                            {
                                added.Add(new TopicPartitionOffset(tp, Offset.Beginning));
                            }
                        }
                    }
                }

                if (added.Count > 0)
                {
                    consumer.IncrementalAssign(added);
                }
            }

            ConsumeResult<byte[], byte[]>? r;
            try
            {
                r = consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException ex) when (!ex.Error.IsFatal)
            {
                r = null;
            }

            if (r is not null && !r.IsPartitionEOF)
            {
                result.Add(r);
                last = TimeProvider.System.GetTimestamp();
                continue;
            }

            if (result.Count >= expected && TimeProvider.System.GetElapsedTime(last) >= quiet)
            {
                break;
            }
        }

        consumer.Close();
        return result;
    }

    public static string Text(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);

    public static string? Header(ConsumeResult<byte[], byte[]> r, string name) =>
        r.Message.Headers is { } h && h.TryGetLastBytes(name, out var v) ? Encoding.UTF8.GetString(v) : null;
}

using Confluent.Kafka;

namespace Logfold.Cli.Kafka;

/// <summary>Builds the CLI's Kafka clients; client errors go to stderr through <see cref="KafkaDiagnostics"/> (never message contents).</summary>
internal static class KafkaClients
{
    public static IConsumer<byte[], byte[]> Consumer(KafkaConnection connection, string groupId, KafkaDiagnostics diagnostics) =>
        new ConsumerBuilder<byte[], byte[]>(connection.Consumer(groupId))
            .SetLogHandler((_, m) => diagnostics.Log(m))
            .SetErrorHandler((_, e) => diagnostics.Error(e))
            .Build();

    public static IProducer<byte[], byte[]> Producer(KafkaConnection connection, KafkaDiagnostics diagnostics) =>
        new ProducerBuilder<byte[], byte[]>(connection.Producer())
            .SetLogHandler((_, m) => diagnostics.Log(m))
            .SetErrorHandler((_, e) => diagnostics.Error(e))
            .Build();

    public static IAdminClient Admin(KafkaConnection connection, KafkaDiagnostics diagnostics) =>
        new AdminClientBuilder(connection.Admin())
            .SetLogHandler((_, m) => diagnostics.Log(m))
            .SetErrorHandler((_, e) => diagnostics.Error(e))
            .Build();

    /// <summary>The partitions of <paramref name="topic"/>, sorted; an unknown topic is an error.</summary>
    public static List<int> Partitions(IAdminClient admin, string topic, TimeSpan timeout)
    {
        var metadata = admin.GetMetadata(topic, timeout);
        var found = metadata.Topics.Find(t => t.Topic == topic);
        if (found is null || found.Error.Code == ErrorCode.UnknownTopicOrPart || found.Partitions.Count == 0)
        {
            throw new KafkaCommandException($"Topic '{topic}' does not exist.");
        }

        if (found.Error.IsError)
        {
            throw new KafkaCommandException($"Topic '{topic}': {found.Error.Reason}");
        }

        var partitions = new List<int>(found.Partitions.Count);
        foreach (var p in found.Partitions)
        {
            partitions.Add(p.PartitionId);
        }

        partitions.Sort();
        return partitions;
    }
}

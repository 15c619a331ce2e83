using Confluent.Kafka;

namespace Logfold.Testing.Kafka;

/// <summary>
/// A Kafka cluster for tests. Where <c>LOGFOLD_TEST_KAFKA</c> names a bootstrap address (a real broker, such
/// as one started by Testcontainers.Kafka), tests use it. Otherwise this starts librdkafka's in-process mock
/// cluster, which speaks the Kafka protocol on 127.0.0.1 so other clients (and other processes) can connect.
/// The mock creates topics on first use and keeps only a short tail of each topic, so tests keep volumes
/// modest and never rely on anything only the mock does.
/// </summary>
public sealed class KafkaTestCluster : IDisposable
{
    private readonly IProducer<byte[], byte[]>? _mockOwner;

    private KafkaTestCluster(string bootstrapServers, IProducer<byte[], byte[]>? mockOwner)
    {
        BootstrapServers = bootstrapServers;
        _mockOwner = mockOwner;
    }

    /// <summary>The bootstrap address clients connect to.</summary>
    public string BootstrapServers { get; }

    /// <summary>True when this is librdkafka's mock cluster rather than a real broker.</summary>
    public bool IsMock => _mockOwner is not null;

    /// <summary>Starts (or attaches to) a cluster.</summary>
    /// <param name="brokers">How many mock brokers to start (ignored for a real cluster).</param>
    public static KafkaTestCluster Start(int brokers = 1)
    {
        string? external = Environment.GetEnvironmentVariable("LOGFOLD_TEST_KAFKA");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new KafkaTestCluster(external, null);
        }

        var config = new ProducerConfig
        {
            // The mock cluster lives as long as this client does.
            BootstrapServers = "",
        };
        config.Set("test.mock.num.brokers", brokers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        IProducer<byte[], byte[]> owner = new ProducerBuilder<byte[], byte[]>(config).Build();
        try
        {
            using var admin = new DependentAdminClientBuilder(owner.Handle).Build();
            Metadata metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
            var addresses = new List<string>(metadata.Brokers.Count);
            foreach (BrokerMetadata broker in metadata.Brokers)
            {
                addresses.Add(broker.Host + ":" + broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return new KafkaTestCluster(string.Join(',', addresses), owner);
        }
        catch
        {
            owner.Dispose();
            throw;
        }
    }

    /// <summary>Stops the mock cluster (no-op for a real one).</summary>
    public void Dispose() => _mockOwner?.Dispose();
}

using Confluent.Kafka;
using Testcontainers.Kafka;

namespace Logfold.Testing.Kafka;

/// <summary>
/// A Kafka cluster for tests. <c>LOGFOLD_TEST_KAFKA</c> chooses it: a bootstrap address means an existing real
/// broker; <c>docker</c> starts a real single-node Kafka through Testcontainers.Kafka; <c>mock</c> (or unset, when no
/// Docker engine is reachable through <c>DOCKER_HOST</c> or <c>/var/run/docker.sock</c>) starts librdkafka's
/// in-process mock cluster, which speaks the Kafka protocol on 127.0.0.1 so other clients (and other processes) can connect.
/// The mock creates topics on first use and keeps only a short tail of each topic, so tests keep volumes
/// modest and never rely on anything only the mock does.
/// </summary>
public sealed class KafkaTestCluster : IDisposable
{
    private readonly IProducer<byte[], byte[]>? _mockOwner;
    private readonly KafkaContainer? _container;

    private KafkaTestCluster(string bootstrapServers, IProducer<byte[], byte[]>? mockOwner, KafkaContainer? container = null)
    {
        BootstrapServers = bootstrapServers;
        _mockOwner = mockOwner;
        _container = container;
    }

    /// <summary>The bootstrap address clients connect to.</summary>
    public string BootstrapServers { get; }

    /// <summary>True when this is librdkafka's mock cluster rather than a real broker.</summary>
    public bool IsMock => _mockOwner is not null;

    /// <summary>Starts (or attaches to) a cluster.</summary>
    /// <param name="brokers">How many mock brokers to start (ignored for a real cluster).</param>
    public static KafkaTestCluster Start(int brokers = 1)
    {
        string? choice = Environment.GetEnvironmentVariable("LOGFOLD_TEST_KAFKA");
        if (string.Equals(choice, "docker", StringComparison.OrdinalIgnoreCase)
            || (string.IsNullOrWhiteSpace(choice) && DockerEngineLikely()))
        {
            return StartContainer();
        }

        if (!string.IsNullOrWhiteSpace(choice) && !string.Equals(choice, "mock", StringComparison.OrdinalIgnoreCase))
        {
            return new KafkaTestCluster(choice, null);
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

    /// <summary>Stops the mock cluster or the container (no-op for an external broker).</summary>
    public void Dispose()
    {
        _mockOwner?.Dispose();
        _container?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static bool DockerEngineLikely() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");

    private static KafkaTestCluster StartContainer()
    {
        // A single real broker: transactions need their state log replicated to one broker only.
        KafkaContainer container = new KafkaBuilder("confluentinc/cp-kafka:7.7.1")
            .WithEnvironment("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .WithEnvironment("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .WithEnvironment("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
            .Build();
        container.StartAsync().GetAwaiter().GetResult();
        return new KafkaTestCluster(container.GetBootstrapAddress(), null, container);
    }
}

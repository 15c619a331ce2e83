using Logfold.Testing.Kafka;

namespace Logfold.Enricher.Tests.Support;

/// <summary>One Kafka cluster (the in-process mock, or LOGFOLD_TEST_KAFKA) shared by a test class; tests use unique topics.</summary>
public sealed class ClusterFixture : IDisposable
{
    public KafkaTestCluster Cluster { get; } = KafkaTestCluster.Start();

    public void Dispose() => Cluster.Dispose();
}

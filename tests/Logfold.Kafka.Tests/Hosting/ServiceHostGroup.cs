namespace Logfold.Kafka.Tests.Hosting;

/// <summary>Host tests share the services' meter names, so they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServiceHostGroup
{
    public const string Name = "service hosts";
}

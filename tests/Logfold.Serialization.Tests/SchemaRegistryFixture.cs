using Confluent.SchemaRegistry;
using Logfold.Serialization.Avro;
using Logfold.Testing.SchemaRegistry;

namespace Logfold.Serialization.Tests;

/// <summary>One Schema Registry test server for a test class.</summary>
public sealed class SchemaRegistryFixture : IAsyncLifetime
{
    public SchemaRegistryTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SchemaRegistryTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    internal ConfluentAvroClient Client(string topic, bool autoRegister = true) =>
        new(new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = Server.Url }), ownsRegistry: true, topic, autoRegister);
}

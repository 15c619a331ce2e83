using Logfold.Contracts;
using Logfold.Processing.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Logfold.Serialization.Tests;

public sealed class SerializationOptionsTests(SchemaRegistryFixture registry) : IClassFixture<SchemaRegistryFixture>
{
    [Fact]
    public void AddLogfoldCodecs_NoSection_RegistersJsonCodecs()
    {
        using var provider = Build([]);

        Assert.Equal("json", provider.GetRequiredService<IRecordCodec<DetectedRecord>>().Format);
        Assert.Equal("json", provider.GetRequiredService<IRecordCodec<EcsDocument>>().Format);
    }

    [Fact]
    public void AddLogfoldCodecs_AvroWithJsonOverride_GivesEachTopicItsFormat()
    {
        using var provider = Build(new()
        {
            ["Logfold:Serialization:Format"] = "avro",
            ["Logfold:Serialization:SchemaRegistry:Url"] = registry.Server.Url,
            ["Logfold:Serialization:Topics:logs.detected:Format"] = "json",
        });

        var detected = provider.GetRequiredService<IRecordCodec<DetectedRecord>>();
        var ecs = provider.GetRequiredService<IRecordCodec<EcsDocument>>();
        var doc = new EcsDocument();
        doc.Set(Ecs.Message, "m");
        var decoded = new EcsDocument();
        ecs.Decode(ecs.Encode(doc), decoded);

        Assert.Equal("json", detected.Format);
        Assert.Equal("avro", ecs.Format);
        Assert.Equal("m", decoded.GetString(Ecs.Message));
        Assert.Single(registry.Server.SchemaIds(Topics.Normalized + "-value"));
    }

    [Theory]
    [InlineData("Logfold:Serialization:Format", "avro", "SchemaRegistry:Url must be an absolute")]
    [InlineData("Logfold:Serialization:MaxRecordBytes", "10", "MaxRecordBytes must be between")]
    [InlineData("Logfold:Serialization:SchemaRegistry:Username", "u", "Username and SchemaRegistry:Password must be set together")]
    public void Validate_BadValue_FailsOnStartNamingTheKey(string key, string value, string expected)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SerializationOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CredentialsInUrl_Rejected()
    {
        using var provider = Build(new()
        {
            ["Logfold:Serialization:Format"] = "avro",
            ["Logfold:Serialization:SchemaRegistry:Url"] = "http://user:secret@registry:8081",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SerializationOptions>>().Value);

        Assert.Contains("must not carry credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_UnknownKey_Throws()
    {
        using var provider = Build(new() { ["Logfold:Serialization:Fromat"] = "avro" });

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<SerializationOptions>>().Value);

        Assert.Contains("Fromat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaRegistryOptions_ToString_MasksPassword()
    {
        var options = new SchemaRegistryOptions { Url = "http://r:8081", Username = "u", Password = "hunter2" };

        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AvroCodec_RegistryWithBasicAuth_UsesConfiguredCredentials()
    {
        await using var secured = await Logfold.Testing.SchemaRegistry.SchemaRegistryTestServer.StartAsync("svc", "pw");
        using var good = Build(new()
        {
            ["Logfold:Serialization:Format"] = "avro",
            ["Logfold:Serialization:SchemaRegistry:Url"] = secured.Url,
            ["Logfold:Serialization:SchemaRegistry:Username"] = "svc",
            ["Logfold:Serialization:SchemaRegistry:Password"] = "pw",
        });
        using var bad = Build(new()
        {
            ["Logfold:Serialization:Format"] = "avro",
            ["Logfold:Serialization:SchemaRegistry:Url"] = secured.Url,
            ["Logfold:Serialization:SchemaRegistry:Username"] = "svc",
            ["Logfold:Serialization:SchemaRegistry:Password"] = "wrong",
        });
        var record = new DetectedRecord { Raw = "x"u8.ToArray(), Source = "generic" };

        var bytes = good.GetRequiredService<IRecordCodec<DetectedRecord>>().Encode(record);
        var error = Assert.ThrowsAny<Exception>(() => bad.GetRequiredService<IRecordCodec<DetectedRecord>>().Encode(record));

        Assert.Equal(0, bytes[0]);
        Assert.IsNotType<RecordFormatException>(error);
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddLogfoldCodecs(configuration).BuildServiceProvider();
    }
}

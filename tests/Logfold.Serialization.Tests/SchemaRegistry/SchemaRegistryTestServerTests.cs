using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Confluent.SchemaRegistry;
using Logfold.Serialization.Avro;
using Logfold.Testing;
using Logfold.Testing.SchemaRegistry;

namespace Logfold.Serialization.Tests.SchemaRegistry;

public sealed class SchemaRegistryTestServerTests(SchemaRegistryFixture registry) : IClassFixture<SchemaRegistryFixture>
{
    private const string V1 = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"a","type":"string"}]}""";
    private const string V2 = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"a","type":"string"},{"name":"b","type":["null","long"],"default":null}]}""";
    private const string NoDefault = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"a","type":"string"},{"name":"c","type":"long"}]}""";
    private const string TypeChange = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"a","type":"long"}]}""";

    [Fact]
    public async Task Register_CompatibleThenIncompatible_VersionsAnd409()
    {
        using var client = NewClient();
        const string subject = "evolve-value";

        var id1 = await client.RegisterSchemaAsync(subject, new Schema(V1, SchemaType.Avro));
        var again = await client.RegisterSchemaAsync(subject, new Schema(V1, SchemaType.Avro));
        var id2 = await client.RegisterSchemaAsync(subject, new Schema(V2, SchemaType.Avro));
        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.RegisterSchemaAsync(subject, new Schema(NoDefault, SchemaType.Avro)));
        var latest = await client.GetLatestSchemaAsync(subject);
        var versions = await client.GetSubjectVersionsAsync(subject);
        var byId = await client.GetSchemaAsync(id1);

        Assert.Equal(id1, again);
        Assert.NotEqual(id1, id2);
        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("added without a default", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, latest.Version);
        Assert.Equal(id2, latest.Id);
        Assert.Equal([1, 2], versions);
        Assert.Contains("\"a\"", byId.SchemaString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compatibility_TypeChange_ReportsIncompatible()
    {
        using var client = NewClient();
        await client.RegisterSchemaAsync("compat-value", new Schema(V1, SchemaType.Avro));

        Assert.True(await client.IsCompatibleAsync("compat-value", new Schema(V2, SchemaType.Avro)));
        Assert.False(await client.IsCompatibleAsync("compat-value", new Schema(TypeChange, SchemaType.Avro)));
    }

    [Fact]
    public async Task Lookup_RegisteredAndUnknown_ReturnsVersionOr40403()
    {
        using var client = NewClient();
        await client.RegisterSchemaAsync("lookup-value", new Schema(V1, SchemaType.Avro));

        var found = await client.LookupSchemaAsync("lookup-value", new Schema(V1, SchemaType.Avro), ignoreDeletedSchemas: true);
        var missing = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.LookupSchemaAsync("lookup-value", new Schema(V2, SchemaType.Avro), ignoreDeletedSchemas: true));

        Assert.Equal(1, found.Version);
        Assert.Equal(40403, missing.ErrorCode);
    }

    [Theory]
    [InlineData("GET", "/subjects/nope/versions", null, 404, 40401)]
    [InlineData("GET", "/subjects/known-value/versions/9", null, 404, 40402)]
    [InlineData("GET", "/subjects/known-value/versions/x", null, 422, 42202)]
    [InlineData("GET", "/schemas/ids/9999", null, 404, 40403)]
    [InlineData("POST", "/subjects/known-value/versions", "{\"schema\":\"{not avro\"}", 422, 42201)]
    [InlineData("PUT", "/config", "{\"compatibility\":\"SOMETIMES\"}", 422, 42203)]
    [InlineData("GET", "/config/known-value", null, 404, 40408)]
    public async Task Endpoint_BadRequest_ReturnsConfluentErrorCode(string method, string path, string? body, int status, int code)
    {
        using var http = new HttpClient { BaseAddress = new Uri(registry.Server.Url) };
        await http.PostAsJsonAsync("/subjects/known-value/versions", new { schema = V1 });
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(code, (int)json["error_code"]!);
    }

    [Fact]
    public async Task Config_SetPerSubjectNone_AllowsIncompatibleChange()
    {
        using var client = NewClient();
        await client.RegisterSchemaAsync("free-value", new Schema(V1, SchemaType.Avro));

        await client.UpdateCompatibilityAsync(Compatibility.None, "free-value");
        var id = await client.RegisterSchemaAsync("free-value", new Schema(TypeChange, SchemaType.Avro));
        var level = await client.GetCompatibilityAsync("free-value");
        var global = await client.GetCompatibilityAsync();

        Assert.True(id > 0);
        Assert.Equal(Compatibility.None, level);
        Assert.Equal(Compatibility.Backward, global);
    }

    [Fact]
    public async Task Subjects_AfterRegister_ListsThem()
    {
        using var client = NewClient();
        await client.RegisterSchemaAsync("listed-value", new Schema(V1, SchemaType.Avro));

        Assert.Contains("listed-value", await client.GetAllSubjectsAsync());
    }

    [Fact]
    public async Task Evolution_HistoryThenCurrentSchemas_RegisterCompatibly()
    {
        using var client = NewClient();
        foreach (var name in new[] { AvroSchemas.DetectedRecord, AvroSchemas.NormalizedEvent, AvroSchemas.DlqEnvelope })
        {
            var subject = $"history.{name}-value";
            foreach (var file in HistoryFiles(name))
            {
                await client.RegisterSchemaAsync(subject, new Schema(File.ReadAllText(file), SchemaType.Avro));
            }

            var id = await client.RegisterSchemaAsync(subject, new Schema(AvroSchemas.Text(name), SchemaType.Avro));
            Assert.True(id > 0);
        }
    }

    [Fact]
    public async Task Evolution_FieldWithoutDefaultAddedToNormalizedEvent_Rejected409()
    {
        using var client = NewClient();
        const string subject = "history.bad-value";
        await client.RegisterSchemaAsync(subject, new Schema(AvroSchemas.Text(AvroSchemas.NormalizedEvent), SchemaType.Avro));
        var changed = JsonNode.Parse(AvroSchemas.Text(AvroSchemas.NormalizedEvent))!;
        changed["fields"]!.AsArray().Add(new JsonObject { ["name"] = "required_new", ["type"] = "string" });

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.RegisterSchemaAsync(subject, new Schema(changed.ToJsonString(), SchemaType.Avro)));

        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("required_new", error.Message, StringComparison.Ordinal);
    }

    internal static IEnumerable<string> HistoryFiles(string name) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "schemas", "history"), name + ".v*.avsc")
            .OrderBy(f => int.Parse(Path.GetFileNameWithoutExtension(f).Split(".v")[1], System.Globalization.CultureInfo.InvariantCulture));

    private CachedSchemaRegistryClient NewClient() => new(new SchemaRegistryConfig { Url = registry.Server.Url });
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Avro;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Logfold.Testing.SchemaRegistry;

/// <summary>
/// A Schema-Registry-compatible HTTP server for tests (Kestrel on 127.0.0.1, a random port), implementing what the
/// Confluent serdes and clients use: registering and listing subjects and versions, schemas by id, lookup,
/// compatibility checks (a real Avro check, see <see cref="AvroCompatibility"/>) and global and per-subject config,
/// with Confluent's error codes. Avro only; schema references are not supported. State is in memory.
/// </summary>
public sealed class SchemaRegistryTestServer : IAsyncDisposable
{
    private const string ContentType = "application/vnd.schemaregistry.v1+json";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Version>> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompatibilityLevel> _subjectLevels = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _schemasById = [];
    private readonly Dictionary<string, int> _idsBySchema = new(StringComparer.Ordinal);
    private readonly string? _basicAuth;
    private CompatibilityLevel _globalLevel = CompatibilityLevel.Backward;
    private int _requests;

    private SchemaRegistryTestServer(WebApplication app, string? basicAuth)
    {
        _app = app;
        _basicAuth = basicAuth;
    }

    /// <summary>The base URL, such as <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>How many requests the server has answered.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>Starts a server. With <paramref name="username"/>, every request must carry HTTP basic auth.</summary>
    public static async Task<SchemaRegistryTestServer> StartAsync(string? username = null, string? password = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var basic = username is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        var server = new SchemaRegistryTestServer(app, basic);
        server.Map(app);
        await app.StartAsync().ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.Url = addresses.First().TrimEnd('/');
        return server;
    }

    /// <summary>Sets the global compatibility level directly (tests).</summary>
    public void SetGlobalCompatibility(CompatibilityLevel level)
    {
        lock (_lock)
        {
            _globalLevel = level;
        }
    }

    /// <summary>The schema ids registered under a subject, oldest first (tests).</summary>
    public IReadOnlyList<int> SchemaIds(string subject)
    {
        lock (_lock)
        {
            return _subjects.TryGetValue(subject, out var versions) ? versions.ConvertAll(v => v.Id) : [];
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Interlocked.Increment(ref _requests);
            if (_basicAuth is not null && context.Request.Headers.Authorization.ToString() != _basicAuth)
            {
                await Write(context, Error(HttpStatusCode.Unauthorized, 40101, "Unauthorized")).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

        app.MapGet("/subjects", () => Reply(() => Ok(new JsonArray([.. _subjects.Keys.Order(StringComparer.Ordinal).Select(s => (JsonNode)s)]))));
        app.MapGet("/subjects/{subject}/versions", (string subject) => Reply(() => ListVersions(subject)));
        app.MapGet("/subjects/{subject}/versions/{version}", (string subject, string version) => Reply(() => GetVersion(subject, version)));
        app.MapGet("/subjects/{subject}/versions/{version}/schema", (string subject, string version) => Reply(() => GetVersion(subject, version, schemaOnly: true)));
        app.MapPost("/subjects/{subject}/versions", async (string subject, HttpRequest request) => await ReplyAsync(request, body => RegisterSchema(subject, body)).ConfigureAwait(false));
        app.MapPost("/subjects/{subject}", async (string subject, HttpRequest request) => await ReplyAsync(request, body => Lookup(subject, body)).ConfigureAwait(false));
        app.MapGet("/schemas/ids/{id:int}", (int id) => Reply(() => GetById(id)));
        app.MapGet("/schemas/ids/{id:int}/schema", (int id) => Reply(() => GetById(id, schemaOnly: true)));
        app.MapPost("/compatibility/subjects/{subject}/versions/{version}", async (string subject, string version, HttpRequest request) =>
            await ReplyAsync(request, body => TestCompatibility(subject, version, body)).ConfigureAwait(false));
        app.MapPost("/compatibility/subjects/{subject}/versions", async (string subject, HttpRequest request) =>
            await ReplyAsync(request, body => TestCompatibility(subject, null, body)).ConfigureAwait(false));
        app.MapGet("/config", () => Reply(() => Ok(new JsonObject { ["compatibilityLevel"] = Name(_globalLevel) })));
        app.MapPut("/config", async (HttpRequest request) => await ReplyAsync(request, body => SetConfig(null, body)).ConfigureAwait(false));
        app.MapGet("/config/{subject}", (string subject, bool? defaultToGlobal) => Reply(() => GetConfig(subject, defaultToGlobal == true)));
        app.MapPut("/config/{subject}", async (string subject, HttpRequest request) => await ReplyAsync(request, body => SetConfig(subject, body)).ConfigureAwait(false));
    }

    private IResult Reply(Func<Response> handle)
    {
        Response response;
        lock (_lock)
        {
            response = handle();
        }

        return Results.Text(response.Body.ToJsonString(), ContentType, Encoding.UTF8, (int)response.Status);
    }

    private async Task<IResult> ReplyAsync(HttpRequest request, Func<JsonObject, Response> handle)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        return body is null
            ? Reply(() => Error(HttpStatusCode.BadRequest, 400, "The request body is not a JSON object."))
            : Reply(() => handle(body));
    }

    private Response ListVersions(string subject) =>
        _subjects.TryGetValue(subject, out var versions)
            ? Ok(new JsonArray([.. versions.Select(v => (JsonNode)v.Number)]))
            : SubjectNotFound(subject);

    private Response GetVersion(string subject, string version, bool schemaOnly = false)
    {
        if (!_subjects.TryGetValue(subject, out var versions))
        {
            return SubjectNotFound(subject);
        }

        var found = FindVersion(versions, version, out var error);
        if (found is null)
        {
            return error!;
        }

        return schemaOnly ? new Response(HttpStatusCode.OK, JsonNode.Parse(found.Schema)!) : Ok(Describe(subject, found));
    }

    private Response RegisterSchema(string subject, JsonObject body)
    {
        if (!TryParse(body, out var schema, out var error))
        {
            return error!;
        }

        var text = schema!.ToString();
        var versions = _subjects.TryGetValue(subject, out var existing) ? existing : null;
        if (versions?.Find(v => v.Schema == text) is { } same)
        {
            return Ok(new JsonObject { ["id"] = same.Id });
        }

        var level = _subjectLevels.TryGetValue(subject, out var l) ? l : _globalLevel;
        if (versions is not null)
        {
            var problems = AvroCompatibility.Check(schema, versions.ConvertAll(v => Schema.Parse(v.Schema)), level);
            if (problems.Count > 0)
            {
                return Error(HttpStatusCode.Conflict, 409,
                    $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\", details: [{string.Join("; ", problems)}]");
            }
        }

        if (!_idsBySchema.TryGetValue(text, out var id))
        {
            id = _schemasById.Count + 1;
            _idsBySchema[text] = id;
            _schemasById[id] = text;
        }

        versions ??= _subjects[subject] = [];
        versions.Add(new Version(versions.Count == 0 ? 1 : versions[^1].Number + 1, id, text));
        return Ok(new JsonObject { ["id"] = id });
    }

    private Response Lookup(string subject, JsonObject body)
    {
        if (!TryParse(body, out var schema, out var error))
        {
            return error!;
        }

        if (!_subjects.TryGetValue(subject, out var versions))
        {
            return SubjectNotFound(subject);
        }

        var text = schema!.ToString();
        return versions.Find(v => v.Schema == text) is { } found
            ? Ok(Describe(subject, found))
            : Error(HttpStatusCode.NotFound, 40403, "Schema not found");
    }

    private Response GetById(int id, bool schemaOnly = false)
    {
        if (!_schemasById.TryGetValue(id, out var text))
        {
            return Error(HttpStatusCode.NotFound, 40403, $"Schema {id} not found");
        }

        return schemaOnly ? new Response(HttpStatusCode.OK, JsonNode.Parse(text)!) : Ok(new JsonObject { ["schema"] = text });
    }

    private Response TestCompatibility(string subject, string? version, JsonObject body)
    {
        if (!TryParse(body, out var schema, out var error))
        {
            return error!;
        }

        if (!_subjects.TryGetValue(subject, out var versions))
        {
            return SubjectNotFound(subject);
        }

        var level = _subjectLevels.TryGetValue(subject, out var l) ? l : _globalLevel;
        List<Version> against;
        if (version is null)
        {
            against = versions;
        }
        else
        {
            var found = FindVersion(versions, version, out error);
            if (found is null)
            {
                return error!;
            }

            against = [found];
        }

        var problems = AvroCompatibility.Check(schema!, against.ConvertAll(v => Schema.Parse(v.Schema)), level);
        return Ok(new JsonObject
        {
            ["is_compatible"] = problems.Count == 0,
            ["messages"] = new JsonArray([.. problems.Select(p => (JsonNode)p)]),
        });
    }

    private Response GetConfig(string subject, bool defaultToGlobal)
    {
        if (_subjectLevels.TryGetValue(subject, out var level))
        {
            return Ok(new JsonObject { ["compatibilityLevel"] = Name(level) });
        }

        return defaultToGlobal
            ? Ok(new JsonObject { ["compatibilityLevel"] = Name(_globalLevel) })
            : Error(HttpStatusCode.NotFound, 40408, $"Subject '{subject}' does not have subject-level compatibility configured");
    }

    private Response SetConfig(string? subject, JsonObject body)
    {
        var text = body["compatibility"]?.GetValueKind() == JsonValueKind.String ? body["compatibility"]!.GetValue<string>() : null;
        if (text is null || !Enum.TryParse<CompatibilityLevel>(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var level)
            || !Enum.IsDefined(level) || char.IsDigit(text[0]))
        {
            return Error(HttpStatusCode.UnprocessableEntity, 42203, "Invalid compatibility level");
        }

        if (subject is null)
        {
            _globalLevel = level;
        }
        else
        {
            _subjectLevels[subject] = level;
        }

        return Ok(new JsonObject { ["compatibility"] = Name(level) });
    }

    private static bool TryParse(JsonObject body, out Schema? schema, out Response? error)
    {
        schema = null;
        error = null;
        var type = body["schemaType"]?.GetValue<string>() ?? "AVRO";
        if (!string.Equals(type, "AVRO", StringComparison.Ordinal))
        {
            error = Error(HttpStatusCode.UnprocessableEntity, 42201, $"Invalid schema: schema type {type} is not supported by this test server");
            return false;
        }

        if (body["references"] is JsonArray { Count: > 0 })
        {
            error = Error(HttpStatusCode.UnprocessableEntity, 42201, "Invalid schema: references are not supported by this test server");
            return false;
        }

        if (body["schema"]?.GetValueKind() != JsonValueKind.String)
        {
            error = Error(HttpStatusCode.UnprocessableEntity, 42201, "Invalid schema: the request has no schema string");
            return false;
        }

        try
        {
            schema = Schema.Parse(body["schema"]!.GetValue<string>());
            return true;
        }
        catch (Exception e) when (e is AvroException or JsonException or Newtonsoft.Json.JsonException)
        {
            error = Error(HttpStatusCode.UnprocessableEntity, 42201, "Invalid schema: " + e.Message);
            return false;
        }
    }

    private static Version? FindVersion(List<Version> versions, string version, out Response? error)
    {
        error = null;
        if (version is "latest" or "-1")
        {
            return versions[^1];
        }

        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
        {
            error = Error(HttpStatusCode.UnprocessableEntity, 42202, "The specified version is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
            return null;
        }

        var found = versions.Find(v => v.Number == number);
        if (found is null)
        {
            error = Error(HttpStatusCode.NotFound, 40402, $"Version {number} not found.");
        }

        return found;
    }

    private static JsonObject Describe(string subject, Version version) => new()
    {
        ["subject"] = subject,
        ["version"] = version.Number,
        ["id"] = version.Id,
        ["schemaType"] = "AVRO",
        ["schema"] = version.Schema,
    };

    private static string Name(CompatibilityLevel level) => level switch
    {
        CompatibilityLevel.BackwardTransitive => "BACKWARD_TRANSITIVE",
        CompatibilityLevel.ForwardTransitive => "FORWARD_TRANSITIVE",
        CompatibilityLevel.FullTransitive => "FULL_TRANSITIVE",
        _ => level.ToString().ToUpperInvariant(),
    };

    private static Response SubjectNotFound(string subject) => Error(HttpStatusCode.NotFound, 40401, $"Subject '{subject}' not found.");

    private static Response Ok(JsonNode body) => new(HttpStatusCode.OK, body);

    private static Response Error(HttpStatusCode status, int code, string message) =>
        new(status, new JsonObject { ["error_code"] = code, ["message"] = message });

    private static Task Write(HttpContext context, Response response)
    {
        context.Response.StatusCode = (int)response.Status;
        context.Response.ContentType = ContentType;
        return context.Response.WriteAsync(response.Body.ToJsonString());
    }

    private sealed record Version(int Number, int Id, string Schema);

    private sealed record Response(HttpStatusCode Status, JsonNode Body);
}

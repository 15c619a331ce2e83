using System.Collections.Concurrent;
using Confluent.SchemaRegistry;
using Logfold.Contracts;
using Logfold.Processing.Model;
using Logfold.Serialization.Avro;
using Logfold.Serialization.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Logfold.Serialization;

/// <summary>
/// The record codecs for each topic, in the format <see cref="SerializationOptions"/> gives it (one codec per topic
/// and record type, created on first use). Avro codecs share one Schema Registry client. Thread-safe; dispose it
/// (dependency injection does) to release the registry client.
/// </summary>
public sealed class RecordCodecs : IDisposable
{
    private readonly SerializationOptions _options;
    private readonly ILogger _logger;
    private readonly Lazy<ISchemaRegistryClient> _registry;
    private readonly ConcurrentDictionary<string, IRecordCodec<DetectedRecord>> _detected = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IRecordCodec<EcsDocument>> _ecs = new(StringComparer.Ordinal);

    /// <summary>Creates the codec set.</summary>
    public RecordCodecs(IOptions<SerializationOptions> options, ILogger<RecordCodecs>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _registry = new Lazy<ISchemaRegistryClient>(CreateRegistry, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The JSON codec for <c>logs.detected</c> records (raw bytes as a string when UTF-8, else base64).</summary>
    public static IRecordCodec<DetectedRecord> JsonDetectedRecord() => new JsonDetectedRecordCodec();

    /// <summary>The JSON codec for ECS documents: the same nested JSON as the CLI's NDJSON output.</summary>
    public static IRecordCodec<EcsDocument> JsonEcsDocument() => new JsonEcsDocumentCodec();

    /// <summary>The codec for detected records on <paramref name="topic"/>.</summary>
    public IRecordCodec<DetectedRecord> ForDetected(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return _detected.GetOrAdd(topic, t =>
        {
            var format = _options.FormatOf(t);
            Log.CodecCreated(_logger, t, format);
            return format == SerializationFormat.Avro
                ? new AvroDetectedRecordCodec(Client(t))
                : new JsonDetectedRecordCodec(_options.MaxRecordBytes);
        });
    }

    /// <summary>The codec for ECS documents on <paramref name="topic"/>.</summary>
    public IRecordCodec<EcsDocument> ForEcs(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return _ecs.GetOrAdd(topic, t =>
        {
            var format = _options.FormatOf(t);
            Log.CodecCreated(_logger, t, format);
            return format == SerializationFormat.Avro
                ? new AvroEcsDocumentCodec(Client(t), _options.MaxNewFieldPaths)
                : new JsonEcsDocumentCodec(_options.MaxRecordBytes, _options.MaxNewFieldPaths);
        });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_registry.IsValueCreated)
        {
            _registry.Value.Dispose();
        }
    }

    private ConfluentAvroClient Client(string topic) =>
        new(_registry.Value, ownsRegistry: false, topic, _options.SchemaRegistry.AutoRegisterSchemas);

    private CachedSchemaRegistryClient CreateRegistry()
    {
        var registry = _options.SchemaRegistry;
        var config = new SchemaRegistryConfig
        {
            Url = registry.Url,
            RequestTimeoutMs = registry.RequestTimeoutMs,
        };
        var hasAuth = !string.IsNullOrEmpty(registry.Username);
        if (hasAuth)
        {
            config.BasicAuthCredentialsSource = AuthCredentialsSource.UserInfo;
            config.BasicAuthUserInfo = registry.Username + ":" + registry.Password;
        }

        var url = registry.Url ?? string.Empty;
        Log.RegistryConfigured(_logger, url, hasAuth, registry.AutoRegisterSchemas);
        return new CachedSchemaRegistryClient(config);
    }
}

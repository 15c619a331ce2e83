using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Logfold.Contracts;

namespace Logfold.Serialization.Avro;

/// <summary>
/// Confluent's Avro serdes for one topic's values: Confluent wire format (magic byte 0, 4-byte schema id, Avro
/// binary), subjects named by the topic-name strategy (<c>&lt;topic&gt;-value</c>). Serialization is synchronous
/// over the serdes' async API: after the first record the schema id is cached and the call completes inline.
/// Registry failures (network, authorization) propagate as they are, so stages treat them as transient; only bytes
/// that are not a valid record become <see cref="RecordFormatException"/>.
/// </summary>
internal sealed class ConfluentAvroClient : IDisposable
{
    private readonly ISchemaRegistryClient _registry;
    private readonly bool _ownsRegistry;
    private readonly AvroSerializer<GenericRecord> _serializer;
    private readonly AvroDeserializer<GenericRecord> _deserializer;
    private readonly SerializationContext _context;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, global::Avro.Schema> _writerSchemas = new();

    /// <summary>Creates the serdes for <paramref name="topic"/>.</summary>
    public ConfluentAvroClient(ISchemaRegistryClient registry, bool ownsRegistry, string topic, bool autoRegisterSchemas)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentException.ThrowIfNullOrEmpty(topic);
        _registry = registry;
        _ownsRegistry = ownsRegistry;
        Topic = topic;
        _serializer = new AvroSerializer<GenericRecord>(registry, new AvroSerializerConfig
        {
            AutoRegisterSchemas = autoRegisterSchemas,
            SubjectNameStrategy = SubjectNameStrategy.Topic,
        });
        _deserializer = new AvroDeserializer<GenericRecord>(registry, new AvroDeserializerConfig
        {
            SubjectNameStrategy = SubjectNameStrategy.Topic,
        });
        _context = new SerializationContext(MessageComponentType.Value, topic);
    }

    /// <summary>The topic whose subject (<c>&lt;topic&gt;-value</c>) the schemas are registered under.</summary>
    public string Topic { get; }

    /// <summary>Serializes a record in Confluent wire format.</summary>
    public byte[] Serialize(GenericRecord record) =>
        _serializer.SerializeAsync(record, _context).ConfigureAwait(false).GetAwaiter().GetResult();

    /// <summary>Deserializes Confluent wire format with the writer's schema (fetched by id and cached).</summary>
    public GenericRecord Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5 || bytes[0] != 0)
        {
            throw new RecordFormatException("The record is not in Confluent Avro wire format (magic byte 0 and a 4-byte schema id).");
        }

        var id = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes[1..]);
        try
        {
            AvroBinaryValidator.Validate(bytes[5..], WriterSchema(id));
            return _deserializer.DeserializeAsync(bytes.ToArray(), isNull: false, _context).ConfigureAwait(false).GetAwaiter().GetResult();
        }
        catch (SchemaRegistryException e) when (e.ErrorCode is 40403)
        {
            throw new RecordFormatException($"The record names schema id {id}, which the registry does not know.", e);
        }
        catch (Exception e) when (IsDataError(e))
        {
            throw new RecordFormatException($"The record is not valid Avro for its schema: {e.GetType().Name}.", e);
        }
    }

    // The registry client caches schemas by id; parsed Avro schemas are cached here for the validator.
    private global::Avro.Schema WriterSchema(int id)
    {
        if (_writerSchemas.TryGetValue(id, out var schema))
        {
            return schema;
        }

        var text = _registry.GetSchemaAsync(id).ConfigureAwait(false).GetAwaiter().GetResult();
        if (text.SchemaType != SchemaType.Avro)
        {
            throw new RecordFormatException($"Schema id {id} is a {text.SchemaType} schema, not Avro.");
        }

        return _writerSchemas.GetOrAdd(id, global::Avro.Schema.Parse(text.SchemaString));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsRegistry)
        {
            _registry.Dispose();
        }
    }

    private static bool IsDataError(Exception e) => e is global::Avro.AvroException or EndOfStreamException or InvalidDataException
        or InvalidCastException or IndexOutOfRangeException or ArgumentOutOfRangeException or OverflowException or FormatException
        or System.Text.DecoderFallbackException or ArgumentException or NullReferenceException or InvalidOperationException;
}

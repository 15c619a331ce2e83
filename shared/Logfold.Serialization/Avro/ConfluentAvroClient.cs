using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using Avro.Generic;
using Avro.IO;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Logfold.Contracts;

namespace Logfold.Serialization.Avro;

/// <summary>
/// Confluent wire format for one topic's values (magic byte 0, 4-byte big-endian schema id, Avro binary), with
/// subjects named by the topic-name strategy (<c>&lt;topic&gt;-value</c>). The first record of a schema goes through
/// Confluent's <see cref="AvroSerializer{T}"/>, which registers (or looks up) the schema and returns its id; later
/// records are written with the same Avro writer directly, byte-identical to the serdes' output but without their
/// per-record async hop, which costs a thread-pool round trip on every call when used from a synchronous stage.
/// Decoding fetches the writer's schema by id (cached), validates the bytes against it
/// (<see cref="AvroBinaryValidator"/>) and reads them with a reader cached per schema id.
/// Registry failures (network, authorization) propagate as they are, so stages treat them as transient; only bytes
/// that are not a valid record become <see cref="RecordFormatException"/>. Thread-safe.
/// </summary>
internal sealed class ConfluentAvroClient : IDisposable
{
    private const int HeaderLength = 5;

    [ThreadStatic]
    private static MemoryStream? t_stream;

    private readonly ISchemaRegistryClient _registry;
    private readonly bool _ownsRegistry;
    private readonly AvroSerializer<GenericRecord> _serializer;
    private readonly SerializationContext _context;
    private readonly ConcurrentDictionary<int, Reader> _readers = new();
    private volatile Writer? _writer;

    /// <summary>Creates the client for <paramref name="topic"/>.</summary>
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
        _context = new SerializationContext(MessageComponentType.Value, topic);
    }

    /// <summary>The topic whose subject (<c>&lt;topic&gt;-value</c>) the schemas are registered under.</summary>
    public string Topic { get; }

    /// <summary>Serializes a record in Confluent wire format.</summary>
    public byte[] Serialize(GenericRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var writer = _writer;
        if (writer is null || !ReferenceEquals(writer.Schema, record.Schema))
        {
            var first = _serializer.SerializeAsync(record, _context).ConfigureAwait(false).GetAwaiter().GetResult();
            _writer = new Writer(record.Schema, BinaryPrimitives.ReadInt32BigEndian(first.AsSpan(1, 4)));
            return first;
        }

        var stream = t_stream ??= new MemoryStream(4096);
        stream.SetLength(0);
        stream.WriteByte(0);
        Span<byte> id = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(id, writer.Id);
        stream.Write(id);
        writer.DatumWriter.Value!.Write(record, new BinaryEncoder(stream));
        var bytes = stream.ToArray();
        if (stream.Capacity > 1 << 20)
        {
            t_stream = null;
        }

        return bytes;
    }

    /// <summary>Deserializes Confluent wire format with the writer's schema.</summary>
    public GenericRecord Deserialize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength || bytes[0] != 0)
        {
            throw new RecordFormatException("The record is not in Confluent Avro wire format (magic byte 0 and a 4-byte schema id).");
        }

        var id = BinaryPrimitives.ReadInt32BigEndian(bytes[1..]);
        var reader = ReaderFor(id);
        var body = bytes[HeaderLength..];
        AvroBinaryValidator.Validate(body, reader.Schema);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(body.Length, 1));
        try
        {
            body.CopyTo(rented);
            using var stream = new MemoryStream(rented, 0, body.Length, writable: false);
            return reader.DatumReader.Value!.Read(reuse: null!, new BinaryDecoder(stream));
        }
        catch (Exception e) when (IsDataError(e))
        {
            throw new RecordFormatException($"The record is not valid Avro for its schema: {e.GetType().Name}.", e);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer?.DatumWriter.Dispose();
        foreach (var reader in _readers.Values)
        {
            reader.DatumReader.Dispose();
        }

        if (_ownsRegistry)
        {
            _registry.Dispose();
        }
    }

    private Reader ReaderFor(int id)
    {
        if (_readers.TryGetValue(id, out var reader))
        {
            return reader;
        }

        Confluent.SchemaRegistry.Schema text;
        try
        {
            text = _registry.GetSchemaAsync(id).ConfigureAwait(false).GetAwaiter().GetResult();
        }
        catch (SchemaRegistryException e) when (e.ErrorCode is 40403)
        {
            throw new RecordFormatException($"The record names schema id {id}, which the registry does not know.", e);
        }

        if (text.SchemaType != SchemaType.Avro)
        {
            throw new RecordFormatException($"Schema id {id} is a {text.SchemaType} schema, not Avro.");
        }

        return _readers.GetOrAdd(id, new Reader(global::Avro.Schema.Parse(text.SchemaString)));
    }

    private static bool IsDataError(Exception e) => e is global::Avro.AvroException or EndOfStreamException or InvalidDataException
        or InvalidCastException or IndexOutOfRangeException or ArgumentException or OverflowException or FormatException
        or System.Text.DecoderFallbackException or InvalidOperationException;

    // Apache.Avro's datum readers and writers are not documented as thread-safe: one per thread and schema.
    private sealed class Writer(global::Avro.Schema schema, int id)
    {
        public global::Avro.Schema Schema { get; } = schema;

        public int Id { get; } = id;

        public ThreadLocal<GenericDatumWriter<GenericRecord>> DatumWriter { get; } = new(() => new GenericDatumWriter<GenericRecord>(schema));
    }

    private sealed class Reader(global::Avro.Schema schema)
    {
        public global::Avro.Schema Schema { get; } = schema;

        public ThreadLocal<GenericDatumReader<GenericRecord>> DatumReader { get; } = new(() => new GenericDatumReader<GenericRecord>(schema, schema));
    }
}

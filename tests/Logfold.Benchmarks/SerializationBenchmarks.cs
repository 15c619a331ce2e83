using BenchmarkDotNet.Attributes;
using Confluent.SchemaRegistry;
using Logfold.Contracts;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;
using Logfold.Serialization;
using Logfold.Serialization.Avro;
using Logfold.Serialization.Json;
using Logfold.Testing;
using Logfold.Testing.SchemaRegistry;

namespace Logfold.Benchmarks;

/// <summary>
/// Per-record cost of the record codecs: ECS documents (logs.normalized) and detected records (logs.detected), in
/// JSON and in Avro through the Confluent serdes against the in-process Schema Registry test server (after the
/// first record the schema id is cached, so no request is made per record). Results are per record.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks : IDisposable
{
    private const int RecordsPerInvoke = 25;

    private readonly EcsDocument _into = new();
    private readonly DetectedRecord _detectedInto = new();
    private SchemaRegistryTestServer? _server;
    private IRecordCodec<EcsDocument> _ecs = null!;
    private IRecordCodec<DetectedRecord> _detected = null!;
    private EcsDocument[] _docs = null!;
    private byte[][] _encodedDocs = null!;
    private DetectedRecord[] _records = null!;
    private byte[][] _encodedRecords = null!;

    [Params(SerializationFormat.Json, SerializationFormat.Avro)]
    public SerializationFormat Format { get; set; }

    [Params(SourceTypes.PaloAlto, SourceTypes.WindowsEvent, SourceTypes.AwsCloudTrail)]
    public string Source { get; set; } = SourceTypes.PaloAlto;

    [GlobalSetup]
    public void Setup()
    {
        if (Format == SerializationFormat.Avro)
        {
            _server = SchemaRegistryTestServer.StartAsync().GetAwaiter().GetResult();
            ConfluentAvroClient Client(string topic) => new(new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = _server.Url }), true, topic, true);
            _ecs = new AvroEcsDocumentCodec(Client(Topics.Normalized));
            _detected = new AvroDetectedRecordCodec(Client(Topics.Detected));
        }
        else
        {
            _ecs = new JsonEcsDocumentCodec();
            _detected = new JsonDetectedRecordCodec();
        }

        var normalizer = LogNormalizer.CreateDefault();
        var context = new NormalizeContext { Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow), SetEventCreated = true };
        var events = BenchmarkData.ForSource(Source);
        _docs = new EcsDocument[RecordsPerInvoke];
        _records = new DetectedRecord[RecordsPerInvoke];
        for (int i = 0, e = 0; i < RecordsPerInvoke; e++)
        {
            var raw = events[e % events.Length];
            var doc = new EcsDocument();
            if (!normalizer.Process(raw, context, doc, out var detection).Success)
            {
                continue;
            }

            _docs[i] = doc;
            var record = new DetectedRecord { Raw = raw, Source = detection.SourceType, Confidence = detection.Confidence, RawTimestampMs = 1_764_784_800_000 };
            _records[i] = record;
            i++;
        }

        _encodedDocs = Array.ConvertAll(_docs, _ecs.Encode);
        _encodedRecords = Array.ConvertAll(_records, _detected.Encode);
    }

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public int EncodeEcs()
    {
        var bytes = 0;
        foreach (var doc in _docs)
        {
            bytes += _ecs.Encode(doc).Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public int DecodeEcs()
    {
        var fields = 0;
        foreach (var bytes in _encodedDocs)
        {
            _ecs.Decode(bytes, _into);
            fields += _into.FieldCount;
        }

        return fields;
    }

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public int EncodeDetected()
    {
        var bytes = 0;
        foreach (var record in _records)
        {
            bytes += _detected.Encode(record).Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = RecordsPerInvoke)]
    public int DecodeDetected()
    {
        var length = 0;
        foreach (var bytes in _encodedRecords)
        {
            _detected.Decode(bytes, _detectedInto);
            length += _detectedInto.Raw.Length;
        }

        return length;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        (_ecs as IDisposable)?.Dispose();
        (_detected as IDisposable)?.Dispose();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server = null;
        GC.SuppressFinalize(this);
    }
}

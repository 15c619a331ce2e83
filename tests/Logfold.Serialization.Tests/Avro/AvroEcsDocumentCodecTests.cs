using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using Avro;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Logfold.Contracts;
using Logfold.Processing.Model;
using Logfold.Serialization.Avro;
using Logfold.Serialization.Json;

namespace Logfold.Serialization.Tests.Avro;

public sealed class AvroEcsDocumentCodecTests(SchemaRegistryFixture registry) : IClassFixture<SchemaRegistryFixture>
{
    private static readonly FieldPath Custom = FieldPath.Of("labels.avro_test_map");
    private static readonly FieldPath RawField = FieldPath.Of("labels.avro_test_raw");

    [Fact]
    public void EncodeDecode_EveryGoldenEvent_KeepsEveryFieldAndKind()
    {
        using var codec = new AvroEcsDocumentCodec(registry.Client("golden.normalized"));
        var json = new JsonEcsDocumentCodec();
        var decoded = new EcsDocument();
        var events = 0;
        foreach (var c in Logfold.Testing.GoldenFile.AllCases())
        {
            GoldenDocuments.ForEach(c, doc =>
            {
                var bytes = codec.Encode(doc);
                codec.Decode(bytes, decoded);

                Assert.Equal(Encoding.UTF8.GetString(json.Encode(doc)), Encoding.UTF8.GetString(json.Encode(decoded)));
                AssertSameKinds(doc, decoded);
                events++;
            });
        }

        Assert.True(events >= 100, $"{events} events");
    }

    [Fact]
    public void Encode_Document_WritesConfluentWireFormatWithTopicSubject()
    {
        using var codec = new AvroEcsDocumentCodec(registry.Client("wire.normalized"));
        var doc = new EcsDocument();
        doc.Set(Ecs.Message, "hello");

        var bytes = codec.Encode(doc);

        Assert.Equal(0, bytes[0]);
        var ids = registry.Server.SchemaIds("wire.normalized-value");
        Assert.Single(ids);
        Assert.Equal(ids[0], BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
    }

    [Fact]
    public void EncodeDecode_ValuesWithoutTypedSlot_GoToOtherAndComeBack()
    {
        using var codec = new AvroEcsDocumentCodec(registry.Client("other.normalized"));
        var doc = new EcsDocument();
        var precise = new DateTimeOffset(2026, 12, 3, 18, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        doc.Set(Ecs.Timestamp, precise);
        doc.Set(Ecs.SourcePort, "not-a-number");
        doc.SetRawJson(RawField, "[1, {\"a\": null}]");
        var map = doc.Map(Custom);
        map.Set("Name", "v");
        map.Set("When", FieldValue.Of(precise));
        map.Set("Nothing", default(FieldValue));

        var decoded = new EcsDocument();
        codec.Decode(codec.Encode(doc), decoded);

        Assert.True(decoded.TryGet(Ecs.Timestamp, out var ts));
        Assert.Equal(precise, ts.Timestamp);
        Assert.Equal("not-a-number", decoded.GetString(Ecs.SourcePort));
        Assert.True(decoded.TryGet(RawField, out var raw));
        Assert.Equal("[1, {\"a\": null}]", raw.Ref);
        Assert.True(decoded.TryGet(Custom, out var custom));
        Assert.True(custom.Map!.TryGet("When", out var when));
        Assert.Equal(precise, when.Timestamp);
        Assert.True(custom.Map.TryGet("Nothing", out var nothing));
        Assert.Equal(FieldKind.None, nothing.Kind);
        Assert.Equal(doc.ToJson(), decoded.ToJson());
    }

    [Fact]
    public async Task Encode_AfterFirstRecord_SameBytesAsConfluentSerdesAndReadableByThem()
    {
        using var codec = new AvroEcsDocumentCodec(registry.Client("serdes.normalized"));
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = registry.Server.Url });
        var serializer = new AvroSerializer<GenericRecord>(client);
        var deserializer = new AvroDeserializer<GenericRecord>(client);
        var context = new SerializationContext(MessageComponentType.Value, "serdes.normalized");
        var mapping = EcsAvroMapping.For(AvroSchemas.Get(AvroSchemas.NormalizedEvent));
        var checkedEvents = 0;
        foreach (var c in Logfold.Testing.GoldenFile.AllCases().Take(6))
        {
            var docs = new List<(byte[] Ours, GenericRecord Record)>();
            GoldenDocuments.ForEach(c, doc => docs.Add((codec.Encode(doc), mapping.ToRecord(doc, []))));
            foreach (var (ours, record) in docs)
            {
                var theirs = await serializer.SerializeAsync(record, context);
                var read = await deserializer.DeserializeAsync(ours, isNull: false, context);

                Assert.Equal(theirs, ours);
                Assert.Equal(AvroSchemas.NormalizedEvent, read.Schema.Name);
                checkedEvents++;
            }
        }

        Assert.True(checkedEvents > 10, $"{checkedEvents} events");
    }

    [Fact]
    public async Task Decode_RecordWrittenWithOlderSchema_ReadsByTheWritersFields()
    {
        // An "older" NormalizedEvent without the user_agent and threat records: a consumer must still decode it.
        var node = JsonNode.Parse(AvroSchemas.Text(AvroSchemas.NormalizedEvent))!.AsObject();
        var fields = node["fields"]!.AsArray();
        foreach (var name in new[] { "user_agent", "threat" })
        {
            fields.Remove(fields.First(f => (string?)f!["name"] == name));
        }

        var older = (RecordSchema)global::Avro.Schema.Parse(node.ToJsonString());
        var doc = new EcsDocument();
        doc.Set(Ecs.Message, "from an older producer");
        doc.Set(Ecs.SourceIp, "10.1.2.3");
        doc.Set(FieldPath.Of("winlog.channel"), "Security");
        var record = EcsAvroMapping.For(older).ToRecord(doc, []);
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = registry.Server.Url });
        var bytes = await new AvroSerializer<GenericRecord>(client).SerializeAsync(record, new SerializationContext(MessageComponentType.Value, "older.normalized"));

        using var codec = new AvroEcsDocumentCodec(registry.Client("older.normalized"));
        var decoded = new EcsDocument();
        codec.Decode(bytes, decoded);

        Assert.Equal(doc.ToJson(), decoded.ToJson());
    }

    [Fact]
    public void EncodeDecode_FourThreadsSharingOneCodec_SameResultsAsOneThread()
    {
        using var codec = new AvroEcsDocumentCodec(registry.Client("threads.normalized"));
        var json = new JsonEcsDocumentCodec();
        var expected = new List<(byte[] Avro, string Json)>();
        foreach (var c in Logfold.Testing.GoldenFile.AllCases().Take(8))
        {
            GoldenDocuments.ForEach(c, doc => expected.Add((codec.Encode(doc), System.Text.Encoding.UTF8.GetString(json.Encode(doc)))));
        }

        var failures = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            var doc = new EcsDocument();
            for (var round = 0; round < 3; round++)
            {
                foreach (var (avro, text) in expected)
                {
                    codec.Decode(avro, doc);
                    if (!codec.Encode(doc).AsSpan().SequenceEqual(avro) || System.Text.Encoding.UTF8.GetString(json.Encode(doc)) != text)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }
        });

        Assert.Equal(0, failures);
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 0, 0, 0, 1, 2 })]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0x7F, 0, 0, 0, 2 })]
    public void Decode_NotARecord_ThrowsRecordFormatException(byte[] bytes)
    {
        using var codec = new AvroEcsDocumentCodec(registry.Client("bad.normalized"));

        Assert.Throws<RecordFormatException>(() => codec.Decode(bytes, new EcsDocument()));
    }

    [Fact]
    public void Decode_SeededMutations_OnlyRecordFormatException()
    {
        using var codec = new AvroEcsDocumentCodec(registry.Client("fuzz.normalized"), maxNewFieldPaths: 100_000);
        var corpus = new List<byte[]>();
        foreach (var c in Logfold.Testing.GoldenFile.AllCases().Take(8))
        {
            GoldenDocuments.ForEach(c, doc => corpus.Add(codec.Encode(doc)));
        }

        var random = new Random(4242);
        var into = new EcsDocument();
        var rejected = 0;
        for (var i = 0; i < 1500; i++)
        {
            var mutated = Mutator.Mutate(corpus[random.Next(corpus.Count)], random);
            if (mutated.Length > 0)
            {
                mutated[0] = 0;
            }

            try
            {
                codec.Decode(mutated, into);
                codec.Encode(into);
            }
            catch (RecordFormatException)
            {
                rejected++;
            }
        }

        Assert.True(rejected > 100, $"rejected={rejected}");
    }

    private static void AssertSameKinds(EcsDocument expected, EcsDocument actual)
    {
        var fields = new List<FieldPath>();
        expected.CollectFields(fields);
        foreach (var path in fields)
        {
            Assert.True(expected.TryGet(path, out var want));
            Assert.True(actual.TryGet(path, out var got), $"{path} was lost.");
            Assert.True(want.Kind == got.Kind, $"{path}: expected {want.Kind}, got {got.Kind}");
        }

        Assert.Equal(expected.FieldCount, actual.FieldCount);
    }
}

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Logfold.Contracts;
using Logfold.Processing.Model;
using Logfold.Serialization.Json;

namespace Logfold.Serialization.Tests.Json;

public sealed class JsonEcsDocumentCodecTests
{
    private static readonly FieldPath Custom = FieldPath.Of("labels.serialization_test_map");
    private static readonly FieldPath RawField = FieldPath.Of("labels.serialization_test_raw");
    private static readonly FieldPath Ratio = FieldPath.Of("labels.serialization_test_ratio");

    [Theory]
    [MemberData(nameof(GoldenDocuments.Cases), MemberType = typeof(GoldenDocuments))]
    public void EncodeDecode_GoldenEvents_ReEncodeIsIdenticalAndKindsKept(string relativeCase)
    {
        var codec = new JsonEcsDocumentCodec();
        var decoded = new EcsDocument();
        GoldenDocuments.ForEach(relativeCase, doc =>
        {
            var bytes = codec.Encode(doc);
            Assert.Equal(CliNdjson(doc), Encoding.UTF8.GetString(bytes));

            codec.Decode(bytes, decoded);

            Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(codec.Encode(decoded)));
            AssertSameKinds(doc, decoded);
        });
    }

    [Fact]
    public void GoldenDocuments_AllCases_CoverEverySourceWithManyEvents()
    {
        var events = GoldenDocuments.EncodeAll(new JsonEcsDocumentCodec().Encode);
        var text = events.ConvertAll(Encoding.UTF8.GetString);

        Assert.True(events.Count >= 100, $"only {events.Count} golden events normalized");
        foreach (var module in new[] { "panw", "windows", "system", "aws" })
        {
            Assert.Contains(text, t => t.Contains($"\"module\":\"{module}\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Decode_EveryKind_RestoresKindAndValue()
    {
        var codec = new JsonEcsDocumentCodec();
        var doc = new EcsDocument();
        var at = new DateTimeOffset(2026, 12, 3, 18, 30, 1, 123, TimeSpan.Zero);
        doc.Set(Ecs.Timestamp, at);
        doc.Set(Ecs.EventCreated, at.AddTicks(4567));
        doc.Set(Ecs.Message, "héllo \"quoted\" \u0001 😀");
        doc.Set(Ecs.SourcePort, 443L);
        doc.Set(Ratio, 0.25);
        doc.Set(Ecs.EventDuration, -12L);
        doc.Set(Ecs.Tags, "x");
        doc.Add(Ecs.RelatedIp, "10.0.0.1");
        doc.Add(Ecs.RelatedIp, "ünïcode");
        doc.SetRawJson(RawField, "[ {\"a\": 1.0}, null ]");
        var map = doc.Map(Custom);
        map.Set("Name With Space", "v");
        map.Set("n", FieldValue.Of(7L));
        map.Set("b", FieldValue.Of(true));

        var decoded = new EcsDocument();
        codec.Decode(codec.Encode(doc), decoded);

        Assert.True(decoded.TryGet(Ecs.Timestamp, out var ts));
        Assert.Equal(FieldKind.Timestamp, ts.Kind);
        Assert.Equal(at, ts.Timestamp);
        Assert.True(decoded.TryGet(Ecs.EventCreated, out var created));
        Assert.Equal(at.AddTicks(4567), created.Timestamp);
        Assert.Equal("héllo \"quoted\" \u0001 😀", decoded.GetString(Ecs.Message));
        Assert.Equal(443L, decoded.GetLong(Ecs.SourcePort));
        Assert.True(decoded.TryGet(Ratio, out var ratio));
        Assert.Equal(FieldKind.Double, ratio.Kind);
        Assert.Equal(0.25, ratio.Double);
        Assert.True(decoded.TryGet(Ecs.RelatedIp, out var ips));
        Assert.Equal(["10.0.0.1", "ünïcode"], ips.Array!);
        Assert.True(decoded.TryGet(RawField, out var raw));
        Assert.Equal(FieldKind.RawJson, raw.Kind);
        Assert.Equal("[ {\"a\": 1.0}, null ]", raw.Ref);
        Assert.True(decoded.TryGet(Custom, out var custom));
        Assert.Equal(FieldKind.Map, custom.Kind);
        Assert.Equal("v", custom.Map!.GetString("Name With Space"));
        Assert.True(custom.Map.TryGet("n", out var n));
        Assert.Equal(7L, n.Long);
        Assert.Equal(doc.FieldCount, decoded.FieldCount);
        Assert.Equal(codec.Encode(doc), codec.Encode(decoded));
    }

    [Fact]
    public void Decode_UnknownFieldNames_RegistersThemUpToTheLimit()
    {
        var codec = new JsonEcsDocumentCodec(maxNewFieldPaths: 2);
        var doc = new EcsDocument();
        var unique = Guid.NewGuid().ToString("N");

        codec.Decode(Encoding.UTF8.GetBytes($"{{\"x{unique}\":{{\"a\":1}},\"y{unique}\":\"b\"}}"), doc);
        Assert.True(doc.TryGet(FieldPath.Of("x" + unique), out var map));
        Assert.Equal(FieldKind.Map, map.Kind);
        Assert.Equal("b", doc.GetString(FieldPath.Of("y" + unique)));

        var error = Assert.Throws<RecordFormatException>(() => codec.Decode(Encoding.UTF8.GetBytes($"{{\"z{unique}\":1}}"), doc));

        Assert.Contains("unknown field names", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, doc.FieldCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"message\":")]
    [InlineData("{\"message\":\"a\"} {}")]
    [InlineData("{\"a.b\":1}")]
    [InlineData("{\"message\":\"\\uD800\"}")]
    [InlineData("{\"message\":\"a\",}")]
    public void Decode_BadBytes_ThrowsRecordFormatException(string json)
    {
        var codec = new JsonEcsDocumentCodec();
        var doc = new EcsDocument();

        var error = Assert.Throws<RecordFormatException>(() => codec.Decode(Encoding.UTF8.GetBytes(json), doc));

        Assert.StartsWith("The record is not valid ECS JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_InvalidUtf8_ThrowsRecordFormatException()
    {
        var codec = new JsonEcsDocumentCodec();

        Assert.Throws<RecordFormatException>(() => codec.Decode([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'], new EcsDocument()));
    }

    [Fact]
    public void Decode_TooLarge_ThrowsRecordFormatException()
    {
        var codec = new JsonEcsDocumentCodec(maxRecordBytes: 16);

        var error = Assert.Throws<RecordFormatException>(() => codec.Decode(Encoding.UTF8.GetBytes("{\"message\":\"0123456789\"}"), new EcsDocument()));

        Assert.Contains("limit is 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TooDeep_ThrowsRecordFormatException()
    {
        var json = "{\"labels\":{\"deep\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 102);

        Assert.Throws<RecordFormatException>(() => new JsonEcsDocumentCodec().Decode(Encoding.UTF8.GetBytes(json), new EcsDocument()));
    }

    [Fact]
    public void Decode_SeededMutationsOfGoldenEvents_OnlyRecordFormatExceptionAndStableReEncode()
    {
        var codec = new JsonEcsDocumentCodec(maxNewFieldPaths: 1_000_000);
        var corpus = GoldenDocuments.EncodeAll(codec.Encode);
        var random = new Random(20261203);
        var doc = new EcsDocument();
        var again = new EcsDocument();
        var accepted = 0;
        var rejected = 0;
        for (var i = 0; i < 4000; i++)
        {
            var mutated = Mutator.Mutate(corpus[random.Next(corpus.Count)], random);
            try
            {
                codec.Decode(mutated, doc);
            }
            catch (RecordFormatException)
            {
                rejected++;
                continue;
            }

            accepted++;
            var reEncoded = codec.Encode(doc);
            Assert.NotNull(JsonNode.Parse(reEncoded));
            codec.Decode(reEncoded, again);
            Assert.Equal(Encoding.UTF8.GetString(reEncoded), Encoding.UTF8.GetString(codec.Encode(again)));
        }

        Assert.True(rejected > 100 && accepted > 100, $"accepted={accepted} rejected={rejected}");
    }

    // What `logfold normalize` prints for a document (its writer options).
    private static string CliNdjson(EcsDocument doc)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            doc.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void AssertSameKinds(EcsDocument expected, EcsDocument actual)
    {
        var fields = new List<FieldPath>();
        expected.CollectFields(fields);
        foreach (var path in fields)
        {
            Assert.True(expected.TryGet(path, out var want));
            Assert.True(actual.TryGet(path, out var got), $"{path} was lost.");
            AssertSameKind(path.Name, want, got);
        }

        Assert.Equal(expected.FieldCount, actual.FieldCount);
    }

    private static void AssertSameKind(string name, FieldValue want, FieldValue got)
    {
        switch (want.Kind)
        {
            case FieldKind.RawJson:
                // Raw JSON may come back typed (a map, an array); its text is checked by the byte comparison.
                return;
            case FieldKind.Double when want.Double == Math.Floor(want.Double) && Math.Abs(want.Double) < 1e15:
                // Written without a fraction: JSON cannot tell it from an integer.
                Assert.True(got.Kind is FieldKind.Double or FieldKind.Long, $"{name}: {got.Kind}");
                return;
            case FieldKind.Map:
                Assert.Equal(FieldKind.Map, got.Kind);
                Assert.Equal(want.Map!.Count, got.Map!.Count);
                for (var i = 0; i < want.Map.Count; i++)
                {
                    Assert.Equal(want.Map[i].Key, got.Map[i].Key);
                    AssertSameKind(name + "." + want.Map[i].Key, want.Map[i].Value, got.Map[i].Value);
                }

                return;
            case FieldKind.String when want.String!.Length is 24 or 28 && got.Kind == FieldKind.Timestamp:
                // A string in the writer's timestamp form is indistinguishable from a timestamp in JSON.
                return;
            default:
                Assert.True(want.Kind == got.Kind, $"{name}: expected {want.Kind}, got {got.Kind}");
                return;
        }
    }
}

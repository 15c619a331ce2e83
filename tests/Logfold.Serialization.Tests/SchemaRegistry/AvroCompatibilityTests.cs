using Logfold.Testing;
using Logfold.Testing.SchemaRegistry;
using AvroSchema = Avro.Schema;

namespace Logfold.Serialization.Tests.SchemaRegistry;

public sealed class AvroCompatibilityTests
{
    [Theory]
    [InlineData("""{"name":"b","type":["null","string"],"default":null}""", true)]
    [InlineData("""{"name":"b","type":"long","default":0}""", true)]
    [InlineData("""{"name":"b","type":"long"}""", false)]
    public void CanRead_AddedField_NeedsDefault(string added, bool compatible)
    {
        var writer = Record("""{"name":"a","type":"string"}""");
        var reader = Record("""{"name":"a","type":"string"},""" + added);

        Assert.Equal(compatible, AvroCompatibility.CanRead(reader, writer).Count == 0);
    }

    [Theory]
    [InlineData("int", "long", true)]
    [InlineData("long", "double", true)]
    [InlineData("string", "bytes", true)]
    [InlineData("long", "int", false)]
    [InlineData("string", "long", false)]
    [InlineData("\"string\"", "[\"null\",\"string\"]", true)]
    [InlineData("[\"null\",\"string\"]", "\"string\"", false)]
    [InlineData("[\"null\",\"int\"]", "[\"null\",\"long\"]", true)]
    public void CanRead_TypeChange_FollowsPromotionRules(string writerType, string readerType, bool compatible)
    {
        static string Quote(string t) => t.StartsWith('[') || t.StartsWith('"') ? t : $"\"{t}\"";
        var writer = Record($$"""{"name":"a","type":{{Quote(writerType)}}}""");
        var reader = Record($$"""{"name":"a","type":{{Quote(readerType)}}}""");

        Assert.Equal(compatible, AvroCompatibility.CanRead(reader, writer).Count == 0);
    }

    [Fact]
    public void CanRead_RemovedField_IsCompatible()
    {
        var writer = Record("""{"name":"a","type":"string"},{"name":"gone","type":"long"}""");
        var reader = Record("""{"name":"a","type":"string"}""");

        Assert.Empty(AvroCompatibility.CanRead(reader, writer));
    }

    [Fact]
    public void CanRead_EnumSymbolRemovedWithoutDefault_IsIncompatible()
    {
        var writer = Record("""{"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]}}""");
        var reader = Record("""{"name":"e","type":{"type":"enum","name":"E","symbols":["A"]}}""");
        var readerWithDefault = Record("""{"name":"e","type":{"type":"enum","name":"E","symbols":["A"],"default":"A"}}""");

        Assert.NotEmpty(AvroCompatibility.CanRead(reader, writer));
        Assert.Empty(AvroCompatibility.CanRead(readerWithDefault, writer));
    }

    [Fact]
    public void Check_Levels_ApplyDirectionAndTransitivity()
    {
        var v1 = Record("""{"name":"a","type":"string"}""");
        var v2 = Record("""{"name":"a","type":"string"},{"name":"b","type":"long","default":0}""");
        var v3 = Record("""{"name":"b","type":"long","default":0},{"name":"c","type":"long"}""");

        Assert.Empty(AvroCompatibility.Check(v2, [v1], CompatibilityLevel.Backward));
        Assert.Empty(AvroCompatibility.Check(v2, [v1], CompatibilityLevel.Forward));
        Assert.Empty(AvroCompatibility.Check(v1, [v2], CompatibilityLevel.Backward));
        Assert.NotEmpty(AvroCompatibility.Check(v3, [v2], CompatibilityLevel.Full));
        Assert.NotEmpty(AvroCompatibility.Check(v3, [v2], CompatibilityLevel.Forward));
        Assert.NotEmpty(AvroCompatibility.Check(v3, [v1, v2], CompatibilityLevel.Backward));
        Assert.Empty(AvroCompatibility.Check(v3, [v1, v2], CompatibilityLevel.None));
    }

    [Fact]
    public void EverySchema_AgainstEveryHistoryVersion_IsBackwardCompatible()
    {
        var schemas = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "schemas"), "*.avsc").ToList();
        Assert.Equal(3, schemas.Count);
        foreach (var file in schemas)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var current = AvroSchema.Parse(File.ReadAllText(file));
            var history = SchemaRegistryTestServerTests.HistoryFiles(name).Select(f => AvroSchema.Parse(File.ReadAllText(f))).ToList();

            Assert.True(history.Count > 0, $"schemas/history has no {name}.v1.avsc");
            var problems = AvroCompatibility.Check(current, history, CompatibilityLevel.BackwardTransitive);
            Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
            Assert.Equal("logfold.v1", ((global::Avro.RecordSchema)current).Namespace);
        }
    }

    private static AvroSchema Record(string fields) => AvroSchema.Parse($$"""{"type":"record","name":"R","namespace":"t","fields":[{{fields}}]}""");
}

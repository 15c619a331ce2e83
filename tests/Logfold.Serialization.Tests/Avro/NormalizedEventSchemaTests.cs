using Logfold.Processing.Model;
using Logfold.Serialization.Avro;
using Logfold.Testing;

namespace Logfold.Serialization.Tests.Avro;

public sealed class NormalizedEventSchemaTests
{
    [Fact]
    public void NormalizedEvent_EveryGoldenEcsField_HasTypedSlotOfItsKind()
    {
        var fields = NormalizedEventSchemaGenerator.CollectFields();
        if (Environment.GetEnvironmentVariable("LOGFOLD_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(Path.Combine(RepoPaths.Root, "schemas", "NormalizedEvent.avsc"), NormalizedEventSchemaGenerator.Generate(fields));
            Assert.Fail("schemas/NormalizedEvent.avsc rewritten because LOGFOLD_UPDATE_SCHEMA=1; unset it, check the diff and the history test, and run again.");
        }

        var mapping = EcsAvroMapping.For(AvroSchemas.Get(AvroSchemas.NormalizedEvent));
        var missing = new List<string>();
        foreach (var (name, kind) in fields)
        {
            var slot = mapping.SlotKind(FieldPath.Of(name));
            if (slot != kind)
            {
                missing.Add($"{name}: schema has {slot}, the core produces {kind}");
            }
        }

        Assert.True(missing.Count == 0, "Regenerate with LOGFOLD_UPDATE_SCHEMA=1:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void NormalizedEvent_TypedFieldSets_ArePresentAsNestedRecords()
    {
        var mapping = EcsAvroMapping.For(AvroSchemas.Get(AvroSchemas.NormalizedEvent));

        Assert.Equal(FieldKind.Timestamp, mapping.SlotKind(Ecs.Timestamp));
        Assert.Equal(FieldKind.String, mapping.SlotKind(Ecs.SourceIp));
        Assert.Equal(FieldKind.Long, mapping.SlotKind(Ecs.SourcePort));
        Assert.Equal(FieldKind.StringArray, mapping.SlotKind(Ecs.RelatedIp));
        Assert.Equal(FieldKind.Double, mapping.SlotKind(FieldPath.Of("destination.geo.location.lat")));
        Assert.Equal(FieldKind.Long, mapping.SlotKind(FieldPath.Of("source.as.number")));
        Assert.Equal(FieldKind.String, mapping.SlotKind(Ecs.UserTargetName));
        Assert.True(mapping.SlotCount > 150, $"only {mapping.SlotCount} typed slots");
    }
}

using Logfold.Contracts;

namespace Logfold.Serialization;

/// <summary>
/// The <c>Logfold:Serialization</c> section: the record format (json or avro), the Schema Registry, and per-topic
/// overrides. Validated on start; unknown keys are errors.
/// </summary>
public sealed class SerializationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Logfold:Serialization";

    /// <summary>The format of every topic without an override.</summary>
    public SerializationFormat Format { get; set; } = SerializationFormat.Json;

    /// <summary>The Schema Registry, required when any topic uses Avro.</summary>
    public SchemaRegistryOptions SchemaRegistry { get; set; } = new();

    /// <summary>Per-topic overrides, keyed by topic name.</summary>
    public Dictionary<string, TopicSerializationOptions> Topics { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The topic the registered <c>IRecordCodec&lt;DetectedRecord&gt;</c> serves (its format and Avro subject).</summary>
    public string DetectedTopic { get; set; } = Contracts.Topics.Detected;

    /// <summary>The topic the registered <c>IRecordCodec&lt;EcsDocument&gt;</c> serves (its format and Avro subject).</summary>
    public string NormalizedTopic { get; set; } = Contracts.Topics.Normalized;

    /// <summary>Encoded records longer than this are rejected when decoding (a Data error).</summary>
    public int MaxRecordBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How many field names unknown to this process one codec may register while decoding.</summary>
    public int MaxNewFieldPaths { get; set; } = FieldPathBudget.DefaultLimit;

    /// <summary>The format of <paramref name="topic"/>: its override, else <see cref="Format"/>.</summary>
    public SerializationFormat FormatOf(string topic) =>
        Topics.TryGetValue(topic, out var o) && o.Format is { } format ? format : Format;
}

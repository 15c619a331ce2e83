namespace Logfold.Serialization;

/// <summary>Per-topic overrides of <see cref="SerializationOptions"/>.</summary>
public sealed class TopicSerializationOptions
{
    /// <summary>The topic's format; the global <see cref="SerializationOptions.Format"/> when unset.</summary>
    public SerializationFormat? Format { get; set; }
}

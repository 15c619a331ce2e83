namespace Logfold.Serialization;

/// <summary>How records on a topic are encoded.</summary>
public enum SerializationFormat
{
    /// <summary>JSON: no registry needed; ECS documents are the same JSON the CLI prints.</summary>
    Json,

    /// <summary>Avro in Confluent wire format, with schemas in a Schema Registry (subject <c>&lt;topic&gt;-value</c>).</summary>
    Avro,
}

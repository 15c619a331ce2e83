namespace Logfold.Contracts;

/// <summary>
/// Turns one record type into Kafka value bytes and back, for one topic. Implementations: JSON (no registry
/// needed) and Avro through Confluent Schema Registry (topic-name subject strategy). Decoding fills a
/// caller-owned instance so that hot loops allocate nothing per record.
/// </summary>
/// <typeparam name="T">The record type (<c>DetectedRecord</c> or <c>EcsDocument</c>).</typeparam>
public interface IRecordCodec<in T>
{
    /// <summary>The wire format name: <c>json</c> or <c>avro</c>.</summary>
    string Format { get; }

    /// <summary>Encodes <paramref name="value"/> as the bytes of one Kafka record value.</summary>
    byte[] Encode(T value);

    /// <summary>
    /// Decodes <paramref name="bytes"/> into <paramref name="into"/> (reset first). Throws
    /// <see cref="RecordFormatException"/> for bytes that are not a valid record.
    /// </summary>
    void Decode(ReadOnlySpan<byte> bytes, T into);
}

using Avro.Generic;
using Logfold.Contracts;

namespace Logfold.Serialization.Avro;

/// <summary><see cref="DetectedRecord"/> as <c>logfold.v1.DetectedRecord</c> (schemas/DetectedRecord.avsc) in Confluent wire format. Thread-safe.</summary>
internal sealed class AvroDetectedRecordCodec : IRecordCodec<DetectedRecord>, IDisposable
{
    private readonly ConfluentAvroClient _client;
    private readonly global::Avro.RecordSchema _schema;
    private readonly global::Avro.RecordSchema _alternative;

    /// <summary>Creates the codec over a client for the target topic.</summary>
    public AvroDetectedRecordCodec(ConfluentAvroClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _schema = AvroSchemas.Get(AvroSchemas.DetectedRecord);
        _alternative = (global::Avro.RecordSchema)((global::Avro.ArraySchema)_schema["alternatives"].Schema).ItemSchema;
    }

    /// <inheritdoc />
    public string Format => "avro";

    /// <inheritdoc />
    public byte[] Encode(DetectedRecord value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var record = new GenericRecord(_schema);
        record.Add("raw", value.Raw);
        record.Add("source", value.Source);
        record.Add("confidence", value.Confidence);
        record.Add("best_guess", value.BestGuess);
        record.Add("hint", value.Hint);
        record.Add("hint_disagreed", value.HintDisagreed);
        var alternatives = new object[value.Alternatives.Count];
        for (var i = 0; i < alternatives.Length; i++)
        {
            var alternative = new GenericRecord(_alternative);
            alternative.Add("source", value.Alternatives[i].Source);
            alternative.Add("score", value.Alternatives[i].Score);
            alternatives[i] = alternative;
        }

        record.Add("alternatives", alternatives);
        record.Add("source_host", value.SourceHost);
        record.Add("raw_timestamp_ms", value.RawTimestampMs);
        return _client.Serialize(record);
    }

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> bytes, DetectedRecord into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.Reset();
        var record = _client.Deserialize(bytes);
        if (record.Schema.Name != AvroSchemas.DetectedRecord)
        {
            throw new RecordFormatException($"The record is a {record.Schema.Fullname}, not a {AvroSchemas.DetectedRecord}.");
        }

        try
        {
            into.Raw = (byte[])record["raw"];
            into.Source = (string)record["source"];
            into.Confidence = (double)record["confidence"];
            into.BestGuess = Optional<string>(record, "best_guess");
            into.Hint = Optional<string>(record, "hint");
            into.HintDisagreed = record.TryGetValue("hint_disagreed", out var disagreed) && disagreed is true;
            if (record.TryGetValue("alternatives", out var alternatives) && alternatives is object[] items)
            {
                foreach (GenericRecord item in items)
                {
                    into.Alternatives.Add(new DetectedAlternative((string)item["source"], (double)item["score"]));
                }
            }

            into.SourceHost = Optional<string>(record, "source_host");
            into.RawTimestampMs = record.TryGetValue("raw_timestamp_ms", out var ms) && ms is long l ? l : 0;
        }
        catch (Exception e) when (e is InvalidCastException or KeyNotFoundException or global::Avro.AvroException)
        {
            into.Reset();
            throw new RecordFormatException($"The {AvroSchemas.DetectedRecord} record does not have the expected shape: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static T? Optional<T>(GenericRecord record, string name)
        where T : class => record.TryGetValue(name, out var value) ? value as T : null;
}

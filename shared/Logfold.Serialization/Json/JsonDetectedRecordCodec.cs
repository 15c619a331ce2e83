using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using Logfold.Contracts;

namespace Logfold.Serialization.Json;

/// <summary>
/// <see cref="DetectedRecord"/> as one JSON object:
/// <c>{"source":..,"confidence":..,"best_guess":..,"hint":..,"hint_disagreed":..,"alternatives":[{"source":..,"score":..}],
/// "source_host":..,"raw_timestamp_ms":..,"raw":".."}</c>. The raw bytes travel as the JSON string <c>raw</c> when
/// they are valid UTF-8 (the common case: the string decodes back to the identical bytes) and as
/// <c>raw_base64</c> otherwise. Absent optional fields are left out; unknown fields are skipped when decoding.
/// Thread-safe: buffers are per thread.
/// </summary>
internal sealed class JsonDetectedRecordCodec : IRecordCodec<DetectedRecord>
{
    /// <summary>The default cap on an encoded record (the raw event is capped at 1 MiB upstream; base64 grows it).</summary>
    public const int DefaultMaxRecordBytes = 4 * 1024 * 1024;

    private const string What = "detected-record";

    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText ConfidenceName = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText BestGuessName = JsonEncodedText.Encode("best_guess");
    private static readonly JsonEncodedText HintName = JsonEncodedText.Encode("hint");
    private static readonly JsonEncodedText HintDisagreedName = JsonEncodedText.Encode("hint_disagreed");
    private static readonly JsonEncodedText AlternativesName = JsonEncodedText.Encode("alternatives");
    private static readonly JsonEncodedText ScoreName = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText SourceHostName = JsonEncodedText.Encode("source_host");
    private static readonly JsonEncodedText RawTimestampName = JsonEncodedText.Encode("raw_timestamp_ms");
    private static readonly JsonEncodedText RawName = JsonEncodedText.Encode("raw");
    private static readonly JsonEncodedText RawBase64Name = JsonEncodedText.Encode("raw_base64");

    private readonly int _maxRecordBytes;

    /// <summary>Creates the codec.</summary>
    /// <param name="maxRecordBytes">Records longer than this are rejected when decoding.</param>
    public JsonDetectedRecordCodec(int maxRecordBytes = DefaultMaxRecordBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecordBytes);
        _maxRecordBytes = maxRecordBytes;
    }

    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public byte[] Encode(DetectedRecord value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var writer = JsonBuffers.RentWriter(out var buffer);
        writer.WriteStartObject();
        writer.WriteString(SourceName, value.Source);
        writer.WriteNumber(ConfidenceName, value.Confidence);
        WriteOptional(writer, BestGuessName, value.BestGuess);
        WriteOptional(writer, HintName, value.Hint);
        if (value.HintDisagreed)
        {
            writer.WriteBoolean(HintDisagreedName, true);
        }

        if (value.Alternatives.Count > 0)
        {
            writer.WriteStartArray(AlternativesName);
            foreach (var alternative in value.Alternatives)
            {
                writer.WriteStartObject();
                writer.WriteString(SourceName, alternative.Source);
                writer.WriteNumber(ScoreName, alternative.Score);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteOptional(writer, SourceHostName, value.SourceHost);
        writer.WriteNumber(RawTimestampName, value.RawTimestampMs);
        if (Utf8.IsValid(value.Raw))
        {
            writer.WriteString(RawName, value.Raw);
        }
        else
        {
            writer.WriteBase64String(RawBase64Name, value.Raw);
        }

        writer.WriteEndObject();
        return JsonBuffers.Finish(writer, buffer);
    }

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> bytes, DetectedRecord into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (bytes.Length > _maxRecordBytes)
        {
            throw JsonRecordErrors.TooLarge(What, bytes.Length, _maxRecordBytes);
        }

        into.Reset();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 8 });
        try
        {
            Read(ref reader, into);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw JsonRecordErrors.Invalid(What, reader.BytesConsumed, e);
        }
    }

    private static void Read(ref Utf8JsonReader reader, DetectedRecord into)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw JsonRecordErrors.Invalid(What, reader.BytesConsumed, "expected a JSON object.");
        }

        var sawRaw = false;
        var sawSource = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(RawName.EncodedUtf8Bytes))
            {
                Expect(ref reader, JsonTokenType.String, "raw");
                Reject(sawRaw, ref reader, "raw is given twice.");
                into.Raw = CopyUtf8(ref reader);
                sawRaw = true;
            }
            else if (reader.ValueTextEquals(RawBase64Name.EncodedUtf8Bytes))
            {
                Expect(ref reader, JsonTokenType.String, "raw_base64");
                Reject(sawRaw, ref reader, "raw is given twice.");
                into.Raw = reader.GetBytesFromBase64();
                sawRaw = true;
            }
            else if (reader.ValueTextEquals(SourceName.EncodedUtf8Bytes))
            {
                Expect(ref reader, JsonTokenType.String, "source");
                into.Source = reader.GetString()!;
                Reject(into.Source.Length == 0, ref reader, "source is empty.");
                sawSource = true;
            }
            else if (reader.ValueTextEquals(ConfidenceName.EncodedUtf8Bytes))
            {
                Expect(ref reader, JsonTokenType.Number, "confidence");
                into.Confidence = ReadScore(ref reader, "confidence");
            }
            else if (reader.ValueTextEquals(BestGuessName.EncodedUtf8Bytes))
            {
                into.BestGuess = ReadOptionalString(ref reader, "best_guess");
            }
            else if (reader.ValueTextEquals(HintName.EncodedUtf8Bytes))
            {
                into.Hint = ReadOptionalString(ref reader, "hint");
            }
            else if (reader.ValueTextEquals(HintDisagreedName.EncodedUtf8Bytes))
            {
                reader.Read();
                Reject(reader.TokenType is not (JsonTokenType.True or JsonTokenType.False), ref reader, "hint_disagreed must be a boolean.");
                into.HintDisagreed = reader.GetBoolean();
            }
            else if (reader.ValueTextEquals(AlternativesName.EncodedUtf8Bytes))
            {
                Expect(ref reader, JsonTokenType.StartArray, "alternatives");
                ReadAlternatives(ref reader, into.Alternatives);
            }
            else if (reader.ValueTextEquals(SourceHostName.EncodedUtf8Bytes))
            {
                into.SourceHost = ReadOptionalString(ref reader, "source_host");
            }
            else if (reader.ValueTextEquals(RawTimestampName.EncodedUtf8Bytes))
            {
                Expect(ref reader, JsonTokenType.Number, "raw_timestamp_ms");
                Reject(!reader.TryGetInt64(out var ms), ref reader, "raw_timestamp_ms must be an integer.");
                into.RawTimestampMs = ms;
            }
            else
            {
                // A field from a newer producer: skip it.
                reader.Read();
                reader.Skip();
            }
        }

        Reject(reader.TokenType != JsonTokenType.EndObject, ref reader, "expected a property name.");
        Reject(reader.Read(), ref reader, "unexpected data after the object.");
        Reject(!sawRaw, ref reader, "the raw field is missing.");
        Reject(!sawSource, ref reader, "the source field is missing.");
    }

    private static void ReadAlternatives(ref Utf8JsonReader reader, List<DetectedAlternative> into)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            string? source = null;
            double score = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(SourceName.EncodedUtf8Bytes))
                {
                    Expect(ref reader, JsonTokenType.String, "alternatives[].source");
                    source = reader.GetString();
                }
                else if (reader.ValueTextEquals(ScoreName.EncodedUtf8Bytes))
                {
                    Expect(ref reader, JsonTokenType.Number, "alternatives[].score");
                    score = ReadScore(ref reader, "alternatives[].score");
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            Reject(string.IsNullOrEmpty(source), ref reader, "an alternative has no source.");
            into.Add(new DetectedAlternative(source!, score));
        }

        Reject(reader.TokenType != JsonTokenType.EndArray, ref reader, "alternatives must be an array of objects.");
    }

    private static double ReadScore(ref Utf8JsonReader reader, string name)
    {
        Reject(!reader.TryGetDouble(out var score) || !(score >= 0 && score <= 1), ref reader, name + " must be a number in [0,1].");
        return score;
    }

    private static string? ReadOptionalString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Reject(reader.TokenType != JsonTokenType.String, ref reader, name + " must be a string.");
        var value = reader.GetString();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static byte[] CopyUtf8(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.ToArray();
        }

        var rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            var written = reader.CopyString(rented);
            return rented.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string name)
    {
        reader.Read();
        if (reader.TokenType != type)
        {
            throw JsonRecordErrors.Invalid(What, reader.BytesConsumed, $"{name} must be {Describe(type)}.");
        }
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.StartArray => "an array",
        _ => type.ToString(),
    };

    private static void Reject(bool condition, ref Utf8JsonReader reader, string reason)
    {
        if (condition)
        {
            throw JsonRecordErrors.Invalid(What, reader.BytesConsumed, reason);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }
}

using Logfold.Contracts;
using Logfold.Processing.Model;
using Logfold.Serialization.Json;

namespace Logfold.Serialization;

/// <summary>Creates the record codecs. Services normally get them from dependency injection instead.</summary>
public static class RecordCodecs
{
    /// <summary>The JSON codec for <c>logs.detected</c> records (raw bytes as a string when UTF-8, else base64).</summary>
    public static IRecordCodec<DetectedRecord> JsonDetectedRecord() => new JsonDetectedRecordCodec();

    /// <summary>The JSON codec for ECS documents: the same nested JSON as the CLI's NDJSON output.</summary>
    public static IRecordCodec<EcsDocument> JsonEcsDocument() => new JsonEcsDocumentCodec();
}

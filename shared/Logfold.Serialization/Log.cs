using Microsoft.Extensions.Logging;

namespace Logfold.Serialization;

/// <summary>The serialization log events. Never logs payloads or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Records on topic {Topic} use {Format}")]
    public static partial void CodecCreated(ILogger logger, string topic, SerializationFormat format);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Schema Registry at {Url} (basic auth: {HasAuth}, auto-register: {AutoRegister})")]
    public static partial void RegistryConfigured(ILogger logger, string url, bool hasAuth, bool autoRegister);
}

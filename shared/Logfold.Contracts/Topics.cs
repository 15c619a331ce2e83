namespace Logfold.Contracts;

/// <summary>The default topic names. Every one can be overridden in configuration.</summary>
public static class Topics
{
    /// <summary>Raw events from producers: any bytes (text lines, JSON, CloudTrail Records files).</summary>
    public const string Raw = "logs.raw";

    /// <summary>Raw events plus their detected source type.</summary>
    public const string Detected = "logs.detected";

    /// <summary>ECS-normalized events.</summary>
    public const string Normalized = "logs.normalized";

    /// <summary>Normalized and enriched events.</summary>
    public const string Enriched = "logs.enriched";

    /// <summary>Records that failed, with the error context in headers.</summary>
    public const string DeadLetter = "logs.dlq";
}

namespace Logfold.Contracts;

/// <summary>Kafka header names used by Logfold.</summary>
public static class Headers
{
    /// <summary>A producer-supplied source type hint on <c>logs.raw</c>.</summary>
    public const string SourceHint = "logfold.source";

    /// <summary>The stage that failed (detector, normalizer, enricher, sink name).</summary>
    public const string ErrorStage = "logfold.error.stage";

    /// <summary>The error category: Data, Transient, System or Config.</summary>
    public const string ErrorCategory = "logfold.error.category";

    /// <summary>The stable reason code, such as <c>invalid_utf8</c>.</summary>
    public const string ErrorReason = "logfold.error.reason";

    /// <summary>A human-readable message.</summary>
    public const string ErrorMessage = "logfold.error.message";

    /// <summary>The exception type, when an exception caused the failure.</summary>
    public const string ErrorExceptionType = "logfold.error.exception.type";

    /// <summary>The topic the failed record was read from.</summary>
    public const string SourceTopic = "logfold.source.topic";

    /// <summary>Its partition.</summary>
    public const string SourcePartition = "logfold.source.partition";

    /// <summary>Its offset.</summary>
    public const string SourceOffset = "logfold.source.offset";

    /// <summary>Its timestamp (Unix milliseconds).</summary>
    public const string SourceTimestamp = "logfold.source.timestamp";

    /// <summary>How many times this record has been redriven from the DLQ.</summary>
    public const string RetryCount = "logfold.retry.count";
}

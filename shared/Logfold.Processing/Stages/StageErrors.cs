using Logfold.Contracts;
using Logfold.Processing.Enrich;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Stages;

/// <summary>The default exception classification shared by the built-in stages.</summary>
public static class StageErrors
{
    /// <summary>The DLQ reason for an exception that carries none.</summary>
    public const string ExceptionReason = "processor_exception";

    /// <summary>The DLQ reason for a record whose transient failure outlived its retries.</summary>
    public const string RetriesExhaustedReason = "retries_exhausted";

    /// <summary>
    /// <see cref="StageException"/> keeps its category; bad record bytes are Data; timeouts and I/O are
    /// Transient; a bad enrichment data set is Config; anything else is a System failure.
    /// </summary>
    public static ErrorCategory Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            StageException s => s.Category,
            RecordFormatException => ErrorCategory.Data,
            TimeoutException or IOException => ErrorCategory.Transient,
            EnrichmentDataException => ErrorCategory.Config,
            _ => ErrorCategory.System,
        };
    }

    /// <summary>The reason code for an exception: the stage's own, else <see cref="ExceptionReason"/>.</summary>
    public static string ReasonOf(Exception exception) =>
        exception is StageException s ? s.Reason : exception is RecordFormatException ? "invalid_record" : ExceptionReason;
}

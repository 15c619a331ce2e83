using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Stages;

/// <summary>A stage failure with its category and a stable reason code.</summary>
public sealed class StageException : Exception
{
    /// <summary>Creates a System failure with reason <c>stage_error</c>.</summary>
    public StageException()
        : this(ErrorCategory.System, "stage_error", "The stage failed.")
    {
    }

    /// <summary>Creates a System failure with reason <c>stage_error</c>.</summary>
    public StageException(string message)
        : this(ErrorCategory.System, "stage_error", message)
    {
    }

    /// <summary>Creates a System failure with reason <c>stage_error</c> and a cause.</summary>
    public StageException(string message, Exception innerException)
        : this(ErrorCategory.System, "stage_error", message, innerException)
    {
    }

    /// <summary>Creates a failure.</summary>
    /// <param name="category">How the loop handles it.</param>
    /// <param name="reason">A stable reason code (a bounded set).</param>
    /// <param name="message">A human-readable message.</param>
    /// <param name="innerException">The cause, or null.</param>
    public StageException(ErrorCategory category, string reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Category = category;
        Reason = reason;
    }

    /// <summary>The category.</summary>
    public ErrorCategory Category { get; }

    /// <summary>The reason code.</summary>
    public string Reason { get; }
}

using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;

namespace Logfold.Testing.Stages;

/// <summary>One verb call recorded by <see cref="RecordingOutput"/>.</summary>
public sealed class RecordedOutcome
{
    /// <summary>The index of the input being processed when the call was made.</summary>
    public required int InputIndex { get; init; }

    /// <summary>The verb.</summary>
    public required OutcomeKind Kind { get; init; }

    /// <summary>The emitted key (Emit).</summary>
    public byte[]? Key { get; init; }

    /// <summary>The emitted value (Emit).</summary>
    public byte[]? Value { get; init; }

    /// <summary>The emitted headers (Emit).</summary>
    public IReadOnlyList<RecordHeader>? Headers { get; init; }

    /// <summary>The reason (DeadLetter, Filter).</summary>
    public string? Reason { get; init; }

    /// <summary>The detail (DeadLetter).</summary>
    public string? Detail { get; init; }

    /// <summary>The exception (DeadLetter).</summary>
    public Exception? Exception { get; init; }

    /// <summary>The category (DeadLetter).</summary>
    public ErrorCategory Category { get; init; }
}

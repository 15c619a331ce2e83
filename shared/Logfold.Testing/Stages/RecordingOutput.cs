using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;

namespace Logfold.Testing.Stages;

/// <summary>
/// An <see cref="IRecordOutput"/> that records every verb call, for stage unit tests with no broker. Call
/// <see cref="BeginInput"/> before each input (or use <see cref="StageHarness"/>), so that outcomes can be
/// attributed to inputs and the compliance check can prove every input reached a verb.
/// </summary>
public sealed class RecordingOutput : IRecordOutput
{
    private readonly List<RecordedOutcome> _outcomes = [];

    /// <summary>Every outcome, in call order.</summary>
    public IReadOnlyList<RecordedOutcome> Outcomes => _outcomes;

    /// <summary>How many inputs were begun.</summary>
    public int Inputs { get; private set; }

    /// <summary>The index of the current input.</summary>
    public int CurrentInput => Inputs - 1;

    /// <summary>Emitted outcomes.</summary>
    public IEnumerable<RecordedOutcome> Emitted => Of(OutcomeKind.Emitted);

    /// <summary>Dead-lettered outcomes.</summary>
    public IEnumerable<RecordedOutcome> DeadLettered => Of(OutcomeKind.DeadLettered);

    /// <summary>Filtered outcomes.</summary>
    public IEnumerable<RecordedOutcome> Filtered => Of(OutcomeKind.Filtered);

    /// <summary>Marks the start of the next input.</summary>
    public void BeginInput() => Inputs++;

    /// <summary>Removes the outcomes of the current input (what the stage loop does when a stage throws).</summary>
    public void DiscardCurrent() => _outcomes.RemoveAll(o => o.InputIndex == CurrentInput);

    /// <inheritdoc />
    public void Emit(byte[]? key, byte[] value, IReadOnlyList<RecordHeader>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        _outcomes.Add(new RecordedOutcome { InputIndex = CurrentInput, Kind = OutcomeKind.Emitted, Key = key, Value = value, Headers = headers });
    }

    /// <inheritdoc />
    public void DeadLetter(string reason, string detail, Exception? exception = null, ErrorCategory category = ErrorCategory.Data)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        _outcomes.Add(new RecordedOutcome { InputIndex = CurrentInput, Kind = OutcomeKind.DeadLettered, Reason = reason, Detail = detail, Exception = exception, Category = category });
    }

    /// <inheritdoc />
    public void Filter(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        _outcomes.Add(new RecordedOutcome { InputIndex = CurrentInput, Kind = OutcomeKind.Filtered, Reason = reason });
    }

    /// <summary>The outcomes of one input.</summary>
    public List<RecordedOutcome> For(int inputIndex) => _outcomes.FindAll(o => o.InputIndex == inputIndex);

    private IEnumerable<RecordedOutcome> Of(OutcomeKind kind)
    {
        foreach (var o in _outcomes)
        {
            if (o.Kind == kind)
            {
                yield return o;
            }
        }
    }
}

using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Stages;

/// <summary>
/// Where a stage sends the outcome of one input. There are exactly three verbs, and every input reaches at
/// least one of them (exactly one, except that a container such as a CloudTrail Records file yields one
/// outcome per contained event).
/// </summary>
public interface IRecordOutput
{
    /// <summary>Sends a record to the stage's output topic.</summary>
    /// <param name="key">The output key (records with one key stay in order), or null.</param>
    /// <param name="value">The output value bytes.</param>
    /// <param name="headers">Extra headers, or null.</param>
    void Emit(byte[]? key, byte[] value, IReadOnlyList<RecordHeader>? headers = null);

    /// <summary>Sends the input record (original key and value bytes) to the dead-letter topic.</summary>
    /// <param name="reason">A stable reason code from a bounded set (used as a metric tag and a header).</param>
    /// <param name="detail">A human-readable message (never a payload or a secret).</param>
    /// <param name="exception">The exception that caused it, when there was one.</param>
    /// <param name="category">The failure's category; Data unless said otherwise.</param>
    void DeadLetter(string reason, string detail, Exception? exception = null, ErrorCategory category = ErrorCategory.Data);

    /// <summary>Drops the input on purpose (counted under <paramref name="reason"/>).</summary>
    /// <param name="reason">A stable reason code from a bounded set.</param>
    void Filter(string reason);
}

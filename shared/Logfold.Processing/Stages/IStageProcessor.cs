using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Stages;

/// <summary>
/// A pure stage: turns one input record into outputs. It holds no Kafka client; the stage loop feeds it and
/// turns its verbs into produced records. Implementations are used from one thread at a time.
/// </summary>
public interface IStageProcessor
{
    /// <summary>The stage name (the <c>logfold.error.stage</c> header value), such as <c>detector</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Processes one record. A stage reports bad input through <see cref="IRecordOutput.DeadLetter"/>; it may
    /// also throw, and the loop then calls <see cref="Classify"/> and discards anything emitted for this record.
    /// </summary>
    void Process(in InputRecord record, IRecordOutput output);

    /// <summary>Classifies an exception thrown by <see cref="Process"/>.</summary>
    ErrorCategory Classify(Exception exception);
}

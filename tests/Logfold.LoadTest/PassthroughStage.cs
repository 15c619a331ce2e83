using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;

namespace Logfold.LoadTest;

/// <summary>A stage that emits each input unchanged (same key and value): the stage loop's own cost, with no processing.</summary>
internal sealed class PassthroughStage(string name) : IStageProcessor
{
    public string Name => name;

    public ErrorCategory Classify(Exception exception) => StageErrors.Classify(exception);

    public void Process(in InputRecord record, IRecordOutput output) => output.Emit(record.Key, record.Value.ToArray());
}

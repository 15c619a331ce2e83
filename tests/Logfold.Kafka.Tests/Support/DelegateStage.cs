using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;

namespace Logfold.Kafka.Tests.Support;

internal delegate void ProcessFn(in InputRecord record, IRecordOutput output);

/// <summary>A stage built from a delegate, for runtime tests.</summary>
internal sealed class DelegateStage(string name, ProcessFn process) : IStageProcessor
{
    public string Name => name;

    public ErrorCategory Classify(Exception exception) => StageErrors.Classify(exception);

    public void Process(in InputRecord record, IRecordOutput output) => process(record, output);

    /// <summary>Copies each input's key and value to the output.</summary>
    public static DelegateStage Copy(string name = "copy") =>
        new(name, (in InputRecord r, IRecordOutput o) => o.Emit(r.Key, r.Value.ToArray()));
}

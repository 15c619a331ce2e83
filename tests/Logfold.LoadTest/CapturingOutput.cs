using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;

namespace Logfold.LoadTest;

/// <summary>Keeps emitted values and counts the other verbs (for the offline serdes probe).</summary>
internal sealed class CapturingOutput : IRecordOutput
{
    public List<byte[]> Emitted { get; } = [];

    public long DeadLettered { get; private set; }

    public long Filtered { get; private set; }

    public bool Keep { get; set; } = true;

    public void Emit(byte[]? key, byte[] value, IReadOnlyList<RecordHeader>? headers = null)
    {
        if (Keep)
        {
            Emitted.Add(value);
        }
    }

    public void DeadLetter(string reason, string detail, Exception? exception = null, ErrorCategory category = ErrorCategory.Data) => DeadLettered++;

    public void Filter(string reason) => Filtered++;
}

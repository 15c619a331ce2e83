using System.Diagnostics;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;

namespace Logfold.LoadTest;

/// <summary>
/// Wraps a stage for the load run: copies the load headers from each input to its outputs (stages do not forward
/// headers), and sums the time spent inside the wrapped <see cref="IStageProcessor.Process"/> (decode, process,
/// encode), so the report can split a stage's cost from the Kafka loop around it.
/// </summary>
internal sealed class TracedStage(IStageProcessor inner) : IStageProcessor
{
    private readonly ForwardingOutput _output = new();
    private long _ticks;
    private long _records;
    private long _first;
    private long _last;
    private long _cpuNanos;

    public string Name => inner.Name;

    /// <summary>Seconds spent inside the wrapped stage.</summary>
    public double ProcessSeconds => (double)Volatile.Read(ref _ticks) / Stopwatch.Frequency;

    /// <summary>CPU seconds the loop thread spent inside the wrapped stage (immune to preemption on a loaded machine).</summary>
    public double ProcessCpuSeconds => Volatile.Read(ref _cpuNanos) / 1e9;

    /// <summary>Records handed to the wrapped stage (retries and rewinds included).</summary>
    public long Records => Volatile.Read(ref _records);

    /// <summary>Wall seconds from the first record handed to the stage to the end of the last.</summary>
    public double ActiveSeconds => _first == 0 ? 0 : (double)(Volatile.Read(ref _last) - _first) / Stopwatch.Frequency;

    public ErrorCategory Classify(Exception exception) => inner.Classify(exception);

    public void Process(in InputRecord record, IRecordOutput output)
    {
        _output.Target = output;
        _output.Carried = LoadHeaders.Carry(record.Headers);
        var start = Stopwatch.GetTimestamp();
        var cpu = ThreadCpu.CurrentThreadNanoseconds();
        if (_first == 0)
        {
            _first = start;
        }

        try
        {
            inner.Process(record, _output);
        }
        finally
        {
            Interlocked.Add(ref _cpuNanos, ThreadCpu.CurrentThreadNanoseconds() - cpu);
            var end = Stopwatch.GetTimestamp();
            Interlocked.Add(ref _ticks, end - start);
            Volatile.Write(ref _last, end);
            Interlocked.Increment(ref _records);
            _output.Target = null;
        }
    }

    private sealed class ForwardingOutput : IRecordOutput
    {
        public IRecordOutput? Target { get; set; }

        public RecordHeader[]? Carried { get; set; }

        public void Emit(byte[]? key, byte[] value, IReadOnlyList<RecordHeader>? headers = null)
        {
            IReadOnlyList<RecordHeader>? all = Carried;
            if (headers is { Count: > 0 } && Carried is not null)
            {
                var merged = new List<RecordHeader>(headers.Count + Carried.Length);
                merged.AddRange(headers);
                merged.AddRange(Carried);
                all = merged;
            }
            else if (headers is { Count: > 0 })
            {
                all = headers;
            }

            Target!.Emit(key, value, all);
        }

        public void DeadLetter(string reason, string detail, Exception? exception = null, ErrorCategory category = ErrorCategory.Data) =>
            Target!.DeadLetter(reason, detail, exception, category);

        public void Filter(string reason) => Target!.Filter(reason);
    }
}

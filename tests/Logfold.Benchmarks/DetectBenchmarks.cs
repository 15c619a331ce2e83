using BenchmarkDotNet.Attributes;

namespace Logfold.Benchmarks;

/// <summary>Detection alone: every module scores the event and the detector ranks them (<c>--filter '*Detect*'</c>).</summary>
[MemoryDiagnoser]
public class DetectBenchmarks : SourceBenchmark
{
    /// <summary>Set-up.</summary>
    [GlobalSetup]
    public void Setup() => SetUpSource();

    /// <summary>Detects each event.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public double Detect()
    {
        var total = 0.0;
        foreach (var e in Events)
        {
            total += Normalizer.Detect(e).Confidence;
        }

        return total;
    }
}

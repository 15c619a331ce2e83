using BenchmarkDotNet.Attributes;
using Logfold.Processing.Detect;
using Logfold.Processing.Model;

namespace Logfold.Benchmarks;

/// <summary>Parsing and ECS mapping alone, on already-detected events (<c>--filter '*Normalize*'</c>).</summary>
[MemoryDiagnoser]
public class NormalizeBenchmarks : SourceBenchmark
{
    private readonly EcsDocument _doc = new();
    private DetectionResult[] _detections = null!;

    /// <summary>Set-up: detection runs once here, outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        SetUpSource();
        _detections = new DetectionResult[Events.Length];
        for (var i = 0; i < Events.Length; i++)
        {
            _detections[i] = Normalizer.Detect(Events[i]);
        }
    }

    /// <summary>Normalizes each event into a reused document.</summary>
    [Benchmark(OperationsPerInvoke = EventsPerInvoke)]
    public int Normalize()
    {
        var fields = 0;
        for (var i = 0; i < Events.Length; i++)
        {
            if (Normalizer.Normalize(Events[i], _detections[i], Context, _doc).Success)
            {
                fields += _doc.FieldCount;
            }
        }

        return fields;
    }
}

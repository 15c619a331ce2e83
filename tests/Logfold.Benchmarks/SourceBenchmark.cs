using BenchmarkDotNet.Attributes;
using Logfold.Processing.Pipeline;
using Logfold.Testing;

namespace Logfold.Benchmarks;

/// <summary>
/// Shared set-up for the per-source benchmarks: the default pipeline, a fixed clock, and
/// <see cref="EventsPerInvoke"/> golden events of <see cref="Source"/>, so every result is per event.
/// </summary>
public abstract class SourceBenchmark
{
    /// <summary>Events run by one benchmark invocation (results are divided by it).</summary>
    protected const int EventsPerInvoke = 25;

    /// <summary>The source type whose golden events are measured.</summary>
    [Params(SourceTypes.PaloAlto, SourceTypes.WindowsEvent, SourceTypes.LinuxSyslog, SourceTypes.AwsCloudTrail)]
    public string Source { get; set; } = SourceTypes.LinuxSyslog;

    /// <summary>The default pipeline.</summary>
    protected LogNormalizer Normalizer { get; private set; } = null!;

    /// <summary>A context with a fixed clock.</summary>
    protected NormalizeContext Context { get; private set; } = null!;

    /// <summary>The events of one invocation.</summary>
    protected byte[][] Events { get; private set; } = null!;

    /// <summary>Loads the events and builds the pipeline.</summary>
    protected void SetUpSource()
    {
        Normalizer = LogNormalizer.CreateDefault();
        Context = new NormalizeContext { Clock = new FixedTimeProvider(FixedTimeProvider.GoldenNow) };
        var all = BenchmarkData.ForSource(Source);
        Events = new byte[EventsPerInvoke][];
        for (var i = 0; i < EventsPerInvoke; i++)
        {
            Events[i] = all[i % all.Length];
        }
    }
}

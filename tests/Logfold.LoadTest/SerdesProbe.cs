using Logfold.Contracts;
using Logfold.Processing.Model;
using Logfold.Processing.Stages;

namespace Logfold.LoadTest;

/// <summary>
/// Measures each stage's pure work with no Kafka, in process CPU time (immune to the wall-clock noise of a loaded
/// machine): the whole <see cref="IStageProcessor.Process"/>, and separately the decode of its input and the encode
/// of its output, so the report can split serdes from processing. Runs after the pipeline has stopped.
/// </summary>
internal static class SerdesProbe
{
    public static List<StageCost> Run(PipelineParts parts, IReadOnlyList<string> stages, IReadOnlyList<byte[]> events, int sample)
    {
        var inputs = new List<byte[]>(Math.Min(sample, events.Count));
        for (var i = 0; i < events.Count && inputs.Count < sample; i++)
        {
            inputs.Add(events[i]);
        }

        var costs = new List<StageCost>();
        var codecs = parts.NewCodecs();
        foreach (var name in stages)
        {
            var stage = parts.CreateStage(name);
            RunStage(stage, inputs, keep: false); // Warm-up: JIT and caches.
            var outputs = RunStage(stage, inputs, keep: true);
            var processSeconds = outputs.Seconds;
            double decodeSeconds = 0, encodeSeconds = 0;

            // Twice: the first pass warms up (JIT, and for Avro the codec's schema registration); the second is timed.
            for (var pass = 0; pass < 2; pass++)
            {
                switch (name)
                {
                    case "detector":
                        encodeSeconds = TimeEncode(parts.Detected(codecs), new DetectedRecord(), static r => r.Reset(), outputs.Values);
                        break;
                    case "normalizer":
                        decodeSeconds = TimeDecode(parts.Detected(codecs), new DetectedRecord(), static r => r.Reset(), inputs);
                        encodeSeconds = TimeEncode(parts.Normalized(codecs), new EcsDocument(), static d => d.Reset(), outputs.Values);
                        break;
                    default:
                        decodeSeconds = TimeDecode(parts.Normalized(codecs), new EcsDocument(), static d => d.Reset(), inputs);
                        encodeSeconds = TimeEncode(parts.Enriched(codecs), new EcsDocument(), static d => d.Reset(), outputs.Values);
                        break;
                }
            }

            costs.Add(new StageCost(name, inputs.Count, processSeconds, decodeSeconds, encodeSeconds));
            inputs = outputs.Values;
            (stage as IDisposable)?.Dispose();
        }

        return costs;
    }

    private static (List<byte[]> Values, double Seconds) RunStage(IStageProcessor stage, List<byte[]> inputs, bool keep)
    {
        var output = new CapturingOutput { Keep = keep };
        var start = Cpu();
        for (var i = 0; i < inputs.Count; i++)
        {
            stage.Process(new InputRecord(null, inputs[i], null, "probe", 0, i, 0), output);
        }

        return (output.Emitted, Cpu() - start);
    }

    /// <summary>Process CPU seconds (all threads: Avro serdes may finish work on thread-pool threads).</summary>
    private static double Cpu() => Environment.CpuUsage.TotalTime.TotalSeconds;

    /// <summary>Process CPU seconds to decode every value.</summary>
    private static double TimeDecode<T>(IRecordCodec<T> codec, T into, Action<T> reset, List<byte[]> values)
    {
        var start = Cpu();
        foreach (var v in values)
        {
            try
            {
                reset(into);
                codec.Decode(v, into);
            }
            catch (RecordFormatException)
            {
                // A record the stage would dead-letter; it still costs a decode attempt.
            }
        }

        return Cpu() - start;
    }

    /// <summary>Process CPU seconds to encode every value: a decode-and-encode pass minus a decode-only pass.</summary>
    private static double TimeEncode<T>(IRecordCodec<T> codec, T scratch, Action<T> reset, List<byte[]> values)
        where T : class
    {
        var decodeOnly = TimeDecode(codec, scratch, reset, values);
        var start = Cpu();
        foreach (var v in values)
        {
            reset(scratch);
            codec.Decode(v, scratch);
            codec.Encode(scratch);
        }

        return Math.Max(0, Cpu() - start - decodeOnly);
    }
}

/// <summary>One stage's single-thread cost on the probe sample (process CPU seconds).</summary>
internal sealed record StageCost(string Stage, int Records, double ProcessSeconds, double DecodeSeconds, double EncodeSeconds)
{
    public double MicrosPerRecord => Records == 0 ? 0 : ProcessSeconds * 1e6 / Records;

    public double SerdesMicrosPerRecord => Records == 0 ? 0 : (DecodeSeconds + EncodeSeconds) * 1e6 / Records;
}

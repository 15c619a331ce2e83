using System.Diagnostics;
using Logfold.Contracts;
using Logfold.Processing.Model;
using Logfold.Processing.Stages;

namespace Logfold.LoadTest;

/// <summary>
/// Times each stage's pure work on one thread, with no Kafka: the whole <see cref="IStageProcessor.Process"/>, and
/// separately the decode of its input and the encode of its output, so the report can split serdes from processing.
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

            costs.Add(new StageCost(name, inputs.Count, processSeconds, decodeSeconds, encodeSeconds));
            inputs = outputs.Values;
            (stage as IDisposable)?.Dispose();
        }

        return costs;
    }

    private static (List<byte[]> Values, double Seconds) RunStage(IStageProcessor stage, List<byte[]> inputs, bool keep)
    {
        var output = new CapturingOutput { Keep = keep };
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < inputs.Count; i++)
        {
            stage.Process(new InputRecord(null, inputs[i], null, "probe", 0, i, 0), output);
        }

        return (output.Emitted, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private static double TimeDecode<T>(IRecordCodec<T> codec, T into, Action<T> reset, List<byte[]> values)
    {
        var start = Stopwatch.GetTimestamp();
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

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Decodes every value (untimed), then times encoding it back.</summary>
    private static double TimeEncode<T>(IRecordCodec<T> codec, T scratch, Action<T> reset, List<byte[]> values)
        where T : class
    {
        double seconds = 0;
        foreach (var v in values)
        {
            reset(scratch);
            codec.Decode(v, scratch);
            var start = Stopwatch.GetTimestamp();
            codec.Encode(scratch);
            seconds += Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        return seconds;
    }
}

/// <summary>One stage's single-thread cost on the probe sample.</summary>
internal sealed record StageCost(string Stage, int Records, double ProcessSeconds, double DecodeSeconds, double EncodeSeconds)
{
    public double MicrosPerRecord => Records == 0 ? 0 : ProcessSeconds * 1e6 / Records;

    public double SerdesMicrosPerRecord => Records == 0 ? 0 : (DecodeSeconds + EncodeSeconds) * 1e6 / Records;
}

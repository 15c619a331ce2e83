using System.Globalization;
using Logfold.Contracts;

namespace Logfold.LoadTest;

/// <summary><c>--probe-only</c>: each stage's CPU cost with no Kafka, for the configured format and stages.</summary>
internal static class ProbeReport
{
    public static void Run(LoadArgs args, TextWriter w)
    {
        var events = Workload.Load(args);
        string[] topics = ["probe." + Topics.Raw, "probe." + Topics.Detected, "probe." + Topics.Normalized, "probe." + Topics.Enriched];
        using var parts = PipelineParts.Create(args, topics);
        var costs = SerdesProbe.Run(parts, args.Stages, events, events.Count);
        var c = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(c, $"probe: {events.Count} events, {parts.Format}, stages {string.Join(',', args.Stages)}; process CPU per record"));
        if (parts.EnricherNames.Count > 0)
        {
            w.WriteLine("enrichment chain: " + string.Join(", ", parts.EnricherNames));
        }

        w.WriteLine("  stage        us/record  decode us  encode us  processing us  events/s per core");
        foreach (var p in costs)
        {
            var dec = p.DecodeSeconds * 1e6 / Math.Max(p.Records, 1);
            var enc = p.EncodeSeconds * 1e6 / Math.Max(p.Records, 1);
            w.WriteLine(string.Create(c, $"  {p.Stage,-10} {p.MicrosPerRecord,11:F2} {dec,10:F2} {enc,10:F2} {p.MicrosPerRecord - dec - enc,14:F2} {1e6 / Math.Max(p.MicrosPerRecord, 1e-9),18:F0}"));
        }
    }
}

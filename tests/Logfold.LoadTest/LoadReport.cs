using System.Globalization;
using System.Text.Json;

namespace Logfold.LoadTest;

/// <summary>Prints a <see cref="LoadResult"/> as text, and writes it as JSON.</summary>
internal static class LoadReport
{
    public static void Print(LoadResult r, TextWriter w)
    {
        var c = CultureInfo.InvariantCulture;
        w.WriteLine();
        w.WriteLine(string.Create(c, $"== {string.Join('+', r.Stages)} | {r.Format} | {r.Mode}{(r.Stub ? " | STUB (passthrough stages)" : "")} | {r.Cluster}"));
        w.WriteLine(string.Create(c, $"events {r.Events} ({r.InputBytes / 1e6:F1} MB raw), window {(r.Window == 0 ? "unlimited" : r.Window.ToString(c))}, rate {(r.Rate == 0 ? "unlimited" : r.Rate.ToString(c))}, batch {r.BatchRecords} records / {r.BatchMs} ms"));
        if (r.Enrichers.Count > 0)
        {
            w.WriteLine("enrichment chain: " + string.Join(", ", r.Enrichers));
        }

        w.WriteLine(string.Create(c, $"end to end: {r.EventsPerSecond:F0} events/s over {r.WallSeconds:F2} s (first send -> last arrival)"));
        if (r.LatencyMs is { } l)
        {
            w.WriteLine(string.Create(c, $"latency (send -> read_committed consume), ms: p50 {l[0]:F1}  p90 {l[1]:F1}  p99 {l[2]:F1}  max {l[3]:F1}"));
        }

        w.WriteLine(string.Create(c, $"reconciliation: in {r.Events} = out {r.Outputs} + DLQ {r.DeadLettered} + filtered {r.Filtered}; duplicates {r.Duplicates}, missing {r.Missing} (of which never delivered by the sender: {r.SendFailures}) -> {(r.Reconciled ? "OK" : "FAILED")}"));
        foreach (var (reason, n) in r.DlqReasons)
        {
            w.WriteLine(string.Create(c, $"  DLQ {reason}: {n}"));
        }

        if (r.MissingSample.Count > 0)
        {
            w.WriteLine("  missing sequence numbers (first 10): " + string.Join(", ", r.MissingSample));
        }

        w.WriteLine(string.Create(c, $"CPU: process {r.ProcessCpuSeconds:F2} s ({r.ProcessCpuSeconds / Math.Max(r.WallSeconds, 1e-9):F2} cores busy), {r.ProcessCpuSeconds * 1e6 / Math.Max(r.Events, 1):F1} CPU-us per event; GC pauses {r.GcPauseSeconds:F2} s; allocated {r.AllocatedBytes / 1e6:F0} MB"));
        foreach (var (group, seconds) in r.CpuByThreadGroup)
        {
            w.WriteLine(string.Create(c, $"  {group,-44} {seconds,7:F2} s"));
        }

        w.WriteLine("per stage (pipeline run; CPU of the stage's loop thread, split into inside the stage and the Kafka client calls):");
        w.WriteLine("  stage        in       out    dlq  loop CPU s  in-stage CPU s  client CPU s  ev/s per loop core  ev/s in-stage CPU  ev/s wall");
        foreach (var s in r.StageResults)
        {
            w.WriteLine(string.Create(c, $"  {s.Stage,-10} {s.Received,8} {s.Sent,8} {s.DeadLettered,6} {s.LoopCpuSeconds,10:F2} {s.ProcessCpuSeconds,15:F2} {s.ClientCpuSeconds,13:F2} {s.PerLoopCoreRate,19:F0} {s.ProcessRate,18:F0} {s.WallRate,10:F0}"));
        }

        if (r.Probe.Count > 0)
        {
            w.WriteLine("stage cost with no Kafka, process CPU per record (probe, after the run):");
            w.WriteLine("  stage       records   us/record   of which decode us   encode us   processing us");
            foreach (var p in r.Probe)
            {
                var dec = p.DecodeSeconds * 1e6 / Math.Max(p.Records, 1);
                var enc = p.EncodeSeconds * 1e6 / Math.Max(p.Records, 1);
                w.WriteLine(string.Create(c, $"  {p.Stage,-10} {p.Records,8} {p.MicrosPerRecord,11:F2} {dec,20:F2} {enc,11:F2} {p.MicrosPerRecord - dec - enc,15:F2}"));
            }
        }

        if (r.Failure is not null)
        {
            w.WriteLine("FAILURE: " + r.Failure);
        }
    }

    public static void WriteJson(LoadResult r, string path)
    {
        using var stream = File.Create(path);
        using var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        j.WriteStartObject();
        j.WriteString("cluster", r.Cluster);
        j.WriteString("format", r.Format);
        j.WriteString("mode", r.Mode);
        j.WriteString("stages", string.Join(',', r.Stages));
        j.WriteBoolean("stub", r.Stub);
        j.WriteString("enrichers", string.Join(',', r.Enrichers));
        j.WriteNumber("events", r.Events);
        j.WriteNumber("input_bytes", r.InputBytes);
        j.WriteNumber("window", r.Window);
        j.WriteNumber("rate", r.Rate);
        j.WriteNumber("batch_records", r.BatchRecords);
        j.WriteNumber("batch_ms", r.BatchMs);
        j.WriteNumber("wall_seconds", r.WallSeconds);
        j.WriteNumber("events_per_second", r.EventsPerSecond);
        if (r.LatencyMs is { } l)
        {
            j.WriteStartObject("latency_ms");
            j.WriteNumber("p50", l[0]);
            j.WriteNumber("p90", l[1]);
            j.WriteNumber("p99", l[2]);
            j.WriteNumber("max", l[3]);
            j.WriteEndObject();
        }

        j.WriteNumber("outputs", r.Outputs);
        j.WriteNumber("dead_lettered", r.DeadLettered);
        j.WriteNumber("filtered", r.Filtered);
        j.WriteNumber("duplicates", r.Duplicates);
        j.WriteNumber("missing", r.Missing);
        j.WriteNumber("send_failures", r.SendFailures);
        j.WriteBoolean("reconciled", r.Reconciled);
        j.WriteStartObject("dlq_reasons");
        foreach (var (reason, n) in r.DlqReasons)
        {
            j.WriteNumber(reason, n);
        }

        j.WriteEndObject();
        j.WriteNumber("process_cpu_seconds", r.ProcessCpuSeconds);
        j.WriteStartObject("cpu_by_thread_group");
        foreach (var (group, s) in r.CpuByThreadGroup)
        {
            j.WriteNumber(group, s);
        }

        j.WriteEndObject();
        j.WriteNumber("gc_pause_seconds", r.GcPauseSeconds);
        j.WriteNumber("allocated_bytes", r.AllocatedBytes);
        j.WriteStartArray("stages_measured");
        foreach (var s in r.StageResults)
        {
            j.WriteStartObject();
            j.WriteString("stage", s.Stage);
            j.WriteNumber("received", s.Received);
            j.WriteNumber("sent", s.Sent);
            j.WriteNumber("dead_lettered", s.DeadLettered);
            j.WriteNumber("filtered", s.Filtered);
            j.WriteNumber("loop_cpu_seconds", s.LoopCpuSeconds);
            j.WriteNumber("in_stage_wall_seconds", s.ProcessSeconds);
            j.WriteNumber("in_stage_cpu_seconds", s.ProcessCpuSeconds);
            j.WriteNumber("active_seconds", s.ActiveSeconds);
            j.WriteNumber("events_per_loop_core_second", s.PerLoopCoreRate);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        j.WriteStartArray("probe");
        foreach (var p in r.Probe)
        {
            j.WriteStartObject();
            j.WriteString("stage", p.Stage);
            j.WriteNumber("records", p.Records);
            j.WriteNumber("us_per_record", p.MicrosPerRecord);
            j.WriteNumber("decode_seconds", p.DecodeSeconds);
            j.WriteNumber("encode_seconds", p.EncodeSeconds);
            j.WriteEndObject();
        }

        j.WriteEndArray();
        if (r.Failure is not null)
        {
            j.WriteString("failure", r.Failure);
        }

        j.WriteEndObject();
    }
}

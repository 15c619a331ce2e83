using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Cli.Commands;

/// <summary>
/// <c>logfold normalize [--input PATH|-] [--output PATH|-] [--source TYPE] [--timezone TZ] [--dlq PATH] [--keep-original]</c>:
/// raw events, one per line, in; NDJSON ECS events, in input order, out. Failed events go to the DLQ file (or
/// to stderr when no --dlq is given) as JSON with the reason, the line number and the raw text; nothing is dropped.
/// </summary>
internal static class NormalizeCommand
{
    private static readonly HashSet<string> Values = ["--input", "--output", "--source", "--timezone", "--dlq", "--panos-timezone", "--config"];
    private static readonly HashSet<string> Flags = ["--keep-original"];

    // Output is written in chunks of about this size: few, large writes (the NDJSON is ~2.5x the input).
    private const int FlushBytes = 1 << 19;

    public static int Run(IReadOnlyList<string> args, Stream stdin, Stream stdout, TextWriter stderr, TimeProvider clock)
    {
        var options = CliArgs.Parse(args, Values, Flags);
        var config = CliConfig.Load(options.Get("--config"));
        var zone = ParseZoneOption(options.Get("--timezone"), "--timezone");
        var panZone = ParseZoneOption(options.Get("--panos-timezone"), "--panos-timezone");
        var configured = config.Normalize.ToContext(clock);
        var context = new NormalizeContext
        {
            DefaultTimeZone = zone ?? configured.DefaultTimeZone,
            PanOsTimeZone = panZone ?? configured.PanOsTimeZone,
            Clock = clock,
            KeepOriginal = options.Has("--keep-original") || configured.KeepOriginal,
            SetEventCreated = configured.SetEventCreated,
        };
        var hint = options.Get("--source");
        var normalizer = new LogNormalizer(SourceCatalog.BuiltIn(), config.Detection, config.Normalize.MaxEventBytes);
        if (hint is not null && hint != SourceTypes.Unknown && normalizer.Detector.Find(hint) is null)
        {
            throw new CliUsageException($"Unknown --source '{hint}'. Known: {string.Join(", ", normalizer.Detector.Modules.Select(m => m.SourceType))}.");
        }

        var started = Stopwatch.GetTimestamp();
        var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
        using var input = CliIo.OpenInput(options.Get("--input"), stdin);
        using var output = CliIo.OpenOutput(options.Get("--output"), stdout);
        using var dlqStream = options.Get("--dlq") is { } dlqPath ? CliIo.OpenOutput(dlqPath, stdout) : null;
        var counts = Normalize(normalizer, context, input, output, dlqStream, stderr, hint);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStarted).TotalSeconds;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read={counts.Lines} events={counts.Events} normalized={counts.Normalized} unknown={counts.Unknown} failed={counts.Failed} seconds={seconds:0.000} events/s={(seconds > 0 ? counts.Events / seconds : 0):0} cpu_seconds={cpu:0.000}"));
        return 0;
    }

    internal static Counts Normalize(LogNormalizer normalizer, NormalizeContext context, Stream input, Stream output, Stream? dlqStream, TextWriter stderr, string? hint)
    {
        var counts = new Counts();
        var doc = new EcsDocument();
        var buffer = new ArrayBufferWriter<byte>(FlushBytes + (1 << 16));
        var writerOptions = EcsDocument.OutputWriterOptions;
        using var writer = new Utf8JsonWriter(buffer, writerOptions);
        var dlqBuffer = new ArrayBufferWriter<byte>(1 << 12);
        using var dlqWriter = new Utf8JsonWriter(dlqBuffer, writerOptions);
        var parts = new List<ReadOnlyMemory<byte>>();
        using var reader = new LineReader(input, normalizer.MaxEventBytes);
        while (reader.TryReadLine(out var line, out var oversized, out var fullLength))
        {
            counts.Lines++;
            if (oversized)
            {
                counts.Events++;
                Fail(ParseResult.Fail("too_large", $"The event is {fullLength} bytes; the limit is {normalizer.MaxEventBytes}."), line.Span, reader.LineNumber, null);
                continue;
            }

            parts.Clear();
            if (line.Length > 12 && line.Span[0] == (byte)'{' && normalizer.TryExpand(line, parts))
            {
                foreach (var part in parts)
                {
                    One(part.Span);
                }
            }
            else
            {
                One(line.Span);
            }

            if (buffer.WrittenCount >= FlushBytes)
            {
                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        output.Write(buffer.WrittenSpan);
        output.Flush();
        if (dlqStream is not null)
        {
            dlqStream.Write(dlqBuffer.WrittenSpan);
            dlqStream.Flush();
        }
        else if (dlqBuffer.WrittenCount > 0)
        {
            stderr.Write(Encoding.UTF8.GetString(dlqBuffer.WrittenSpan));
            stderr.Flush();
        }

        return counts;

        void One(ReadOnlySpan<byte> raw)
        {
            counts.Events++;
            var detection = normalizer.Detect(raw, hint);
            var result = normalizer.Normalize(raw, detection, context, doc);
            if (!result.Success)
            {
                Fail(result, raw, reader.LineNumber, detection.SourceType);
                return;
            }

            if (detection.Module is null)
            {
                counts.Unknown++;
            }

            counts.Normalized++;
            doc.Set(Ecs.LogfoldInputLine, reader.LineNumber);
            writer.Reset(buffer);
            doc.WriteTo(writer);
            writer.Flush();
            buffer.Write("\n"u8);
        }

        void Fail(ParseResult result, ReadOnlySpan<byte> raw, long lineNumber, string? source)
        {
            counts.Failed++;
            dlqWriter.Reset(dlqBuffer);
            DlqEntry.Write(dlqWriter, lineNumber, result, source, raw);
            dlqWriter.Flush();
            dlqBuffer.Write("\n"u8);
            if (dlqStream is not null && dlqBuffer.WrittenCount >= 1 << 16)
            {
                dlqStream.Write(dlqBuffer.WrittenSpan);
                dlqBuffer.ResetWrittenCount();
            }
        }
    }

    private static TimeZoneInfo? ParseZoneOption(string? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        return TimeZones.Parse(value) ?? throw new CliUsageException($"{option} '{value}' is neither an IANA zone name nor an offset such as +09:30.");
    }

    internal sealed class Counts
    {
        public long Lines { get; set; }

        public long Events { get; set; }

        public long Normalized { get; set; }

        public long Unknown { get; set; }

        public long Failed { get; set; }
    }
}

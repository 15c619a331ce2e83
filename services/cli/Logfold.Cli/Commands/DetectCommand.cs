using System.Buffers;
using System.Text.Json;
using Logfold.Processing.Pipeline;

namespace Logfold.Cli.Commands;

/// <summary><c>logfold detect [--input PATH|-] [--source HINT]</c>: one JSON line per event with the source, confidence and ranked alternatives.</summary>
internal static class DetectCommand
{
    private static readonly HashSet<string> Values = ["--input", "--output", "--source", "--config"];

    public static int Run(IReadOnlyList<string> args, Stream stdin, Stream stdout)
    {
        var options = CliArgs.Parse(args, Values, new HashSet<string>());
        var config = CliConfig.Load(options.Get("--config"));
        var normalizer = new LogNormalizer(SourceCatalog.BuiltIn(), config.Detection, config.Normalize.MaxEventBytes);
        var hint = options.Get("--source");
        using var input = CliIo.OpenInput(options.Get("--input"), stdin);
        using var output = CliIo.OpenOutput(options.Get("--output"), stdout);
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using var writer = new Utf8JsonWriter(buffer);
        var parts = new List<ReadOnlyMemory<byte>>();
        using var reader = new LineReader(input, normalizer.MaxEventBytes);
        while (reader.TryReadLine(out var line, out var oversized, out _))
        {
            parts.Clear();
            if (!oversized && line.Length > 12 && line.Span[0] == (byte)'{' && normalizer.TryExpand(line, parts))
            {
                foreach (var part in parts)
                {
                    Write(part.Span, reader.LineNumber);
                }
            }
            else
            {
                Write(line.Span, reader.LineNumber);
            }

            if (buffer.WrittenCount > 1 << 15)
            {
                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }

        output.Write(buffer.WrittenSpan);
        output.Flush();
        return 0;

        void Write(ReadOnlySpan<byte> raw, long lineNumber)
        {
            var d = normalizer.Detect(raw, hint);
            writer.Reset(buffer);
            writer.WriteStartObject();
            writer.WriteNumber("line"u8, lineNumber);
            writer.WriteString("source"u8, d.SourceType);
            writer.WriteNumber("confidence"u8, Math.Round(d.Confidence, 4));
            if (d.BestGuess is not null)
            {
                writer.WriteString("best_guess"u8, d.BestGuess);
            }

            if (d.Hint is not null)
            {
                writer.WriteString("hint"u8, d.Hint);
                writer.WriteBoolean("hint_disagreed"u8, d.HintDisagreed);
            }

            writer.WriteStartArray("alternatives"u8);
            foreach (var alt in d.Alternatives)
            {
                writer.WriteStartObject();
                writer.WriteString("source"u8, alt.SourceType);
                writer.WriteNumber("confidence"u8, alt.Confidence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            buffer.Write("\n"u8);
        }
    }
}

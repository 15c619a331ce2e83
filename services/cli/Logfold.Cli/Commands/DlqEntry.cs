using System.Text.Json;
using System.Text.Unicode;
using Logfold.Processing.Pipeline;

namespace Logfold.Cli.Commands;

/// <summary>The CLI's DLQ record: reason, category, message, line number and the raw text (base64 when not UTF-8).</summary>
internal static class DlqEntry
{
    public static void Write(Utf8JsonWriter writer, long lineNumber, ParseResult result, string? source, ReadOnlySpan<byte> raw)
    {
        writer.WriteStartObject();
        writer.WriteString("reason"u8, result.Reason);
        writer.WriteString("category"u8, result.Category.ToString());
        writer.WriteString("message"u8, result.Message);
        writer.WriteNumber("line"u8, lineNumber);
        if (source is not null)
        {
            writer.WriteString("source"u8, source);
        }

        if (Utf8.IsValid(raw))
        {
            writer.WriteString("raw"u8, raw);
        }
        else
        {
            writer.WriteBase64String("raw_base64"u8, raw);
        }

        writer.WriteEndObject();
    }
}

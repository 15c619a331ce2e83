using System.Text;
using System.Text.Json;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.Common;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.Generic;

/// <summary>
/// The fallback for <c>unknown</c> events: a JSON object is kept whole under <c>logfold.parsed</c> (with
/// <c>message</c> and <c>@timestamp</c> lifted when present), key=value text becomes a map under
/// <c>logfold.parsed</c>, and anything else is kept as plain text. A syslog header, when present, is
/// decoded too. Nothing is ever dropped: the text always reaches <c>message</c>.
/// </summary>
internal sealed class GenericSource : ISourceModule
{
    internal static readonly FieldPath Parsed = FieldPath.Of("logfold.parsed");

    public string SourceType => SourceTypes.Unknown;

    public double Score(ReadOnlySpan<byte> raw) => 0;

    public ParseResult Normalize(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc)
    {
        var trimmed = raw.Trim((byte)' ').TrimEnd((byte)'\r');
        if (trimmed.Length > 1 && trimmed[0] == (byte)'{' && TryJson(trimmed, context, doc))
        {
            doc.Set(Ecs.EventKind, "event");
            return ParseResult.Ok;
        }

        var text = Encoding.UTF8.GetString(trimmed);
        doc.Set(Ecs.EventKind, "event");
        if (SyslogHeader.TryParse(trimmed, context.DefaultTimeZone, context.Clock.GetUtcNow(), out var h))
        {
            if (h.Timestamp is { } ts)
            {
                doc.Set(Ecs.Timestamp, ts);
            }

            if (h.Priority >= 0)
            {
                doc.Set(Ecs.LogSyslogPriority, h.Priority);
            }

            doc.Set(Ecs.HostHostname, SyslogHeader.Str(h.Hostname));
            doc.Set(Ecs.ProcessName, SyslogHeader.Str(h.AppName));
            doc.Set(Ecs.Message, SyslogHeader.Str(h.Message) ?? text);
            KeyValues(h.Message, doc);
            return ParseResult.Ok;
        }

        doc.Set(Ecs.Message, text);
        KeyValues(trimmed, doc);
        return ParseResult.Ok;
    }

    private static bool TryJson(ReadOnlySpan<byte> json, NormalizeContext context, EcsDocument doc)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMessage = reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("msg"u8);
                var isTime = reader.ValueTextEquals("@timestamp"u8) || reader.ValueTextEquals("timestamp"u8) || reader.ValueTextEquals("time"u8);
                var isHost = reader.ValueTextEquals("host"u8) || reader.ValueTextEquals("hostname"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    if (isMessage)
                    {
                        doc.Set(Ecs.Message, reader.GetString());
                    }
                    else if (isTime && SyslogHeader.TryParseIso(reader.ValueSpan, context.DefaultTimeZone, out var ts, out _))
                    {
                        doc.Set(Ecs.Timestamp, ts);
                    }
                    else if (isHost)
                    {
                        doc.Set(Ecs.HostHostname, reader.GetString());
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(json);
        doc.SetRawJson(Parsed, text);
        doc.SetIfAbsent(Ecs.Message, text);
        return true;
    }

    // key=value pairs separated by spaces; values may be double-quoted. Kept only when at least two pairs are found.
    private static void KeyValues(ReadOnlySpan<byte> text, EcsDocument doc)
    {
        if (ScanPairs(text, null) >= 2)
        {
            ScanPairs(text, doc.Map(Parsed));
        }
    }

    private static int ScanPairs(ReadOnlySpan<byte> text, FieldMap? into)
    {
        var pairs = 0;
        var i = 0;
        while (i < text.Length && pairs < 256)
        {
            while (i < text.Length && text[i] == (byte)' ')
            {
                i++;
            }

            var keyStart = i;
            while (i < text.Length && IsKeyByte(text[i]))
            {
                i++;
            }

            if (i == keyStart || i >= text.Length || text[i] != (byte)'=')
            {
                while (i < text.Length && text[i] != (byte)' ')
                {
                    i++;
                }

                continue;
            }

            var key = text[keyStart..i];
            i++;
            ReadOnlySpan<byte> value;
            if (i < text.Length && text[i] == (byte)'"')
            {
                var close = text[(i + 1)..].IndexOf((byte)'"');
                var end = close < 0 ? text.Length : i + 1 + close;
                value = text[(i + 1)..end];
                i = Math.Min(text.Length, end + 1);
            }
            else
            {
                var start = i;
                while (i < text.Length && text[i] != (byte)' ')
                {
                    i++;
                }

                value = text[start..i];
            }

            pairs++;
            into?.Set(Encoding.UTF8.GetString(key), Encoding.UTF8.GetString(value));
        }

        return pairs;
    }

    private static bool IsKeyByte(byte b) =>
        (uint)(b - 'a') <= 25 || (uint)(b - 'A') <= 25 || (uint)(b - '0') <= 9 || b is (byte)'_' or (byte)'.' or (byte)'-';
}

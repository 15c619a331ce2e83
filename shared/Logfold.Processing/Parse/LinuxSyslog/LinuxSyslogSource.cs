using System.Buffers;
using System.Text.Json;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.Common;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.LinuxSyslog;

/// <summary>
/// Linux syslog: RFC 3164 (with or without PRI, BSD or ISO 8601 timestamps), RFC 5424 with structured data,
/// and journald JSON (<c>journalctl -o json</c>). Maps like Elastic's <c>system.syslog</c> and
/// <c>system.auth</c> data streams (sshd, sudo, PAM, useradd/groupadd...), plus netfilter/UFW kernel lines
/// like Elastic's iptables integration. See README.md in this folder.
/// </summary>
public sealed class LinuxSyslogSource : ISourceModule
{
    /// <inheritdoc />
    public string SourceType => SourceTypes.LinuxSyslog;

    /// <inheritdoc />
    public double Score(ReadOnlySpan<byte> raw) => SyslogScorer.Score(raw);

    /// <inheritdoc />
    public ParseResult Normalize(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(doc);
        var line = Utf8Text.TrimWhite(raw);
        if (line.Length >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF)
        {
            line = line[3..];
        }

        if (line.IsEmpty)
        {
            return ParseResult.Fail("empty", "The event is empty.");
        }

        return line[0] == (byte)'{' ? JournaldMapper.Map(line, doc) : MapLine(line, context, doc);
    }

    private static ParseResult MapLine(ReadOnlySpan<byte> line, NormalizeContext context, EcsDocument doc)
    {
        var zone = context.DefaultTimeZone;
        if (!SyslogHeader.TryParse(line, zone, context.Clock.GetUtcNow(), out var h))
        {
            return SyslogScorer.BsdTimestampLength(line, out _) > 0 || SyslogScorer.IsoTimestampLength(line) > 0
                ? ParseResult.Fail("invalid_timestamp", "The syslog timestamp is not a valid date and time.")
                : ParseResult.Fail("invalid_header", "The line has neither a syslog PRI nor a recognisable timestamp.");
        }

        if (h.Version == 1)
        {
            var check = Check5424(line);
            if (!check.Success)
            {
                return check;
            }
        }
        else
        {
            if (h.Timestamp is null)
            {
                return ParseResult.Fail("invalid_timestamp", "The RFC 3164 header has a PRI but no valid timestamp.");
            }

            if (h.Hostname.IsEmpty && h.AppName.IsEmpty && h.Message.IndexOf((byte)' ') < 0)
            {
                return ParseResult.Fail("truncated", "The line ends inside the syslog header (no host, tag or message).");
            }
        }

        doc.Set(Ecs.EventKind, "event");
        if (h.Timestamp is { } ts)
        {
            doc.Set(Ecs.Timestamp, ToMillis(ts));
            if (!h.TimestampHadZone)
            {
                doc.Set(Ecs.EventTimezone, zone.Id);
            }
        }

        if (h.Priority >= 0)
        {
            SetPriority(doc, h.Priority);
        }

        var hostname = Utf8Text.Str(h.Hostname);
        doc.Set(Ecs.HostHostname, hostname);
        doc.Add(Ecs.RelatedHosts, hostname);
        var appName = h.AppName;
        if (!appName.IsEmpty)
        {
            doc.Set(Ecs.ProcessName, Utf8Text.Str(appName));
        }

        if (!h.ProcId.IsEmpty)
        {
            if (Utf8Text.TryLong(h.ProcId, out var pid))
            {
                doc.Set(Ecs.ProcessPid, pid);
            }
            else
            {
                doc.Set(Ecs.LogSyslogProcid, Utf8Text.Str(h.ProcId));
            }
        }

        if (h.Version == 1)
        {
            doc.Set(Ecs.LogSyslogVersion, "1");
            doc.Set(Ecs.LogSyslogHostname, hostname);
            doc.Set(Ecs.LogSyslogAppname, Utf8Text.Str(appName));
            doc.Set(Ecs.LogSyslogProcid, Utf8Text.Str(h.ProcId));
            doc.Set(Ecs.LogSyslogMsgid, Utf8Text.Str(h.MsgId));
            if (!h.StructuredData.IsEmpty)
            {
                var sd = StructuredDataJson(h.StructuredData);
                if (sd is not null)
                {
                    doc.SetRawJson(Ecs.LogSyslogStructuredData, sd);
                }
            }
        }

        var message = Utf8Text.TrimWhite(h.Message);
        doc.Set(Ecs.Message, Utf8Text.Str(message));
        MessageMapper.Map(appName, message, doc);
        return ParseResult.Ok;
    }

    internal static DateTimeOffset ToMillis(DateTimeOffset ts) =>
        new(ts.UtcTicks - (ts.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    internal static void SetPriority(EcsDocument doc, int priority)
    {
        doc.Set(Ecs.LogSyslogPriority, priority);
        var facility = priority >> 3;
        var severity = priority & 7;
        doc.Set(Ecs.LogSyslogFacilityCode, facility);
        doc.Set(Ecs.LogSyslogFacilityName, SyslogHeader.FacilityName(facility));
        doc.Set(Ecs.LogSyslogSeverityCode, severity);
        doc.Set(Ecs.LogSyslogSeverityName, SyslogHeader.SeverityName(severity));
    }

    // "<PRI>1 TS HOST APP PROCID MSGID SD": all six header fields must be present.
    private static ParseResult Check5424(ReadOnlySpan<byte> line)
    {
        var close = line.IndexOf((byte)'>');
        var rest = line[(close + 3)..];
        for (var field = 0; field < 5; field++)
        {
            var sp = rest.IndexOf((byte)' ');
            if (sp <= 0)
            {
                return ParseResult.Fail("truncated", "The RFC 5424 header ends before STRUCTURED-DATA.");
            }

            if (field == 0 && !(sp == 1 && rest[0] == (byte)'-') && !SyslogHeader.TryParseIso(rest[..sp], TimeZoneInfo.Utc, out _, out _))
            {
                return ParseResult.Fail("invalid_timestamp", "The RFC 5424 TIMESTAMP is not a valid RFC 3339 time.");
            }

            rest = rest[(sp + 1)..];
        }

        if (rest.IsEmpty || (rest[0] != (byte)'-' && rest[0] != (byte)'['))
        {
            return ParseResult.Fail("invalid_structured_data", "The RFC 5424 STRUCTURED-DATA is neither '-' nor an SD-ELEMENT.");
        }

        if (rest[0] == (byte)'[' && !StructuredDataClosed(rest))
        {
            return ParseResult.Fail("truncated", "The RFC 5424 STRUCTURED-DATA is not closed.");
        }

        return ParseResult.Ok;
    }

    private static bool StructuredDataClosed(ReadOnlySpan<byte> s)
    {
        var inQuotes = false;
        var depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (inQuotes)
            {
                if (c == (byte)'\\')
                {
                    i++;
                }
                else if (c == (byte)'"')
                {
                    inQuotes = false;
                }

                continue;
            }

            if (c == (byte)'"')
            {
                inQuotes = true;
            }
            else if (c == (byte)'[')
            {
                depth++;
            }
            else if (c == (byte)']')
            {
                depth--;
                if (depth == 0 && (i + 1 >= s.Length || s[i + 1] != (byte)'['))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // [id k="v" k2="v2"][id2 ...] → {"id":{"k":"v","k2":"v2"},"id2":{...}}; escapes \" \\ \] are undone.
    private static string? StructuredDataJson(ReadOnlySpan<byte> sd)
    {
        var buffer = new ArrayBufferWriter<byte>(sd.Length + 32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var i = 0;
            var elements = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Span<byte> scratch = stackalloc byte[256];
            while (i < sd.Length && sd[i] == (byte)'[')
            {
                i++;
                var idStart = i;
                while (i < sd.Length && sd[i] is not ((byte)' ' or (byte)']'))
                {
                    i++;
                }

                if (i == idStart || i >= sd.Length)
                {
                    return null;
                }

                // RFC 5424 allows a repeated SD-ID or PARAM-NAME; JSON does not, so the first one wins.
                var id = sd[idStart..i];
                var keepElement = seen.Add(System.Text.Encoding.UTF8.GetString(id));
                if (keepElement)
                {
                    writer.WritePropertyName(id);
                    writer.WriteStartObject();
                    elements++;
                }

                while (i < sd.Length && sd[i] == (byte)' ')
                {
                    i++;
                    var nameStart = i;
                    while (i < sd.Length && sd[i] != (byte)'=' && sd[i] != (byte)']')
                    {
                        i++;
                    }

                    if (i + 1 >= sd.Length || sd[i] != (byte)'=' || sd[i + 1] != (byte)'"')
                    {
                        return null;
                    }

                    var name = sd[nameStart..i];
                    i += 2;
                    var valueStart = i;
                    var escaped = false;
                    while (i < sd.Length && sd[i] != (byte)'"')
                    {
                        if (sd[i] == (byte)'\\' && i + 1 < sd.Length)
                        {
                            escaped = true;
                            i++;
                        }

                        i++;
                    }

                    if (i >= sd.Length)
                    {
                        return null;
                    }

                    var value = sd[valueStart..i];
                    i++;
                    if (!keepElement || !seen.Add(System.Text.Encoding.UTF8.GetString(id) + "\u0000" + System.Text.Encoding.UTF8.GetString(name)))
                    {
                        continue;
                    }

                    writer.WritePropertyName(name);
                    if (escaped)
                    {
                        var target = value.Length <= scratch.Length ? scratch : new byte[value.Length];
                        var n = 0;
                        for (var k = 0; k < value.Length; k++)
                        {
                            if (value[k] == (byte)'\\' && k + 1 < value.Length && value[k + 1] is (byte)'"' or (byte)'\\' or (byte)']')
                            {
                                k++;
                            }

                            target[n++] = value[k];
                        }

                        writer.WriteStringValue(target[..n]);
                    }
                    else
                    {
                        writer.WriteStringValue(value);
                    }
                }

                if (i >= sd.Length || sd[i] != (byte)']')
                {
                    return null;
                }

                i++;
                if (keepElement)
                {
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndObject();
            if (elements == 0)
            {
                return null;
            }
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

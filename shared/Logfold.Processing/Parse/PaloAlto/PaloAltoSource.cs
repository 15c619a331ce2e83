using System.Text;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.Common;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>
/// Palo Alto Networks PAN-OS logs: the syslog CSV format (TRAFFIC, THREAT, SYSTEM, CONFIG, HIP-MATCH,
/// GLOBALPROTECT, USERID, AUTHENTICATION, DECRYPTION, IPTAG and the audit variant), with or without an RFC 3164 /
/// RFC 5424 header, plus PAN-OS CEF and LEEF output. Mapped like Elastic's <c>panw.panos</c> integration;
/// times without a zone are read in <see cref="NormalizeContext.PanOsZone"/>.
/// </summary>
public sealed class PaloAltoSource : ISourceModule
{
    /// <summary>The score for a line that carries a PAN-OS signature (CSV header with a known type, or CEF/LEEF vendor).</summary>
    public const double SignatureScore = 0.97;

    /// <summary>The score for a PAN-OS-shaped CSV line whose type column is not one PAN-OS documents.</summary>
    public const double ShapeOnlyScore = 0.6;

    // How far into a line the CSV payload may start (after a syslog header).
    private const int HeaderWindow = 320;

    /// <inheritdoc />
    public string SourceType => SourceTypes.PaloAlto;

    /// <inheritdoc />
    public double Score(ReadOnlySpan<byte> raw)
    {
        if (raw.Length < 20)
        {
            return 0;
        }

        // CEF/LEEF first: their extensions may hold text that looks like a CSV time.
        if (PanCef.Locate(raw, out _) != PanCef.Format.None)
        {
            return SignatureScore;
        }

        var csv = LocateCsv(raw, out _, out var typeKnown);
        if (csv >= 0)
        {
            return typeKnown ? SignatureScore : ShapeOnlyScore;
        }

        return 0;
    }

    /// <inheritdoc />
    public ParseResult Normalize(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(doc);
        raw = raw.TrimEnd("\r\n "u8);
        var format = PanCef.Locate(raw, out var payload);
        if (format != PanCef.Format.None)
        {
            Header(raw[..payload], context, doc, null);
            return PanCef.Normalize(raw[payload..], format, context, doc);
        }

        var start = LocateCsv(raw, out var dateComma, out _);
        if (start >= 0)
        {
            return NormalizeCsv(raw, start, dateComma, context, doc);
        }

        return ParseResult.Fail("not_panos", "No PAN-OS CSV header (FUTURE_USE,receive time,serial,type), CEF or LEEF signature was found.");
    }

    /// <summary>
    /// Finds the PAN-OS CSV payload: the column before the first <c>,yyyy/MM/dd HH:mm:ss,</c> within the first
    /// bytes. Returns its start, or -1. <paramref name="typeKnown"/> tells whether the Type column is a PAN-OS type.
    /// </summary>
    internal static int LocateCsv(ReadOnlySpan<byte> raw, out int dateComma, out bool typeKnown)
    {
        typeKnown = false;
        dateComma = -1;
        var window = raw[..Math.Min(raw.Length, HeaderWindow)];
        var from = 0;
        var dateEnd = -1;
        while (true)
        {
            var c = window[from..].IndexOf((byte)',');
            if (c < 0)
            {
                return -1;
            }

            c += from;
            var len = PanTime.TimeLength(raw[(c + 1)..]);
            if (len > 0 && (c + 1 + len == raw.Length || raw[c + 1 + len] == (byte)','))
            {
                dateComma = c;
                dateEnd = c + 1 + len;
                break;
            }

            from = c + 1;
        }

        // The first column starts after the last space (or the '>' of a bare PRI) before the date.
        var head = raw[..dateComma];
        var space = head.LastIndexOfAny((byte)' ', (byte)'>');
        var start = space + 1;
        var first = raw[start..dateComma];
        if (first.IsEmpty || first.Length > 40 || first.IndexOf((byte)'"') >= 0)
        {
            return -1;
        }

        // After the date: "serial,TYPE," or, for audit logs, "audit,".
        var rest = raw[Math.Min(raw.Length, dateEnd + 1)..];
        var comma = rest.IndexOf((byte)',');
        var next = comma < 0 ? rest : rest[..comma];
        if (next.SequenceEqual("audit"u8) || next.SequenceEqual("AUDIT"u8))
        {
            typeKnown = true;
            return start;
        }

        if (comma >= 0 && next.Length <= 40)
        {
            rest = rest[(comma + 1)..];
            comma = rest.IndexOf((byte)',');
            var type = comma < 0 ? rest : rest[..comma];
            typeKnown = comma >= 0 && PanMapper.ParseType(type) != PanMapper.LogType.Unknown;
        }

        return start;
    }

    private static ParseResult NormalizeCsv(ReadOnlySpan<byte> raw, int start, int dateComma, NormalizeContext context, EcsDocument doc)
    {
        var payload = raw[start..];
        Span<Range> columns = stackalloc Range[PanCsv.MaxColumns];
        Span<byte> flags = stackalloc byte[PanCsv.MaxColumns];
        var count = PanCsv.Split(payload, columns, flags, braces: false);
        if (count < 0)
        {
            return ParseResult.Fail("truncated", "A quoted PAN-OS column is not closed; the line looks cut short.");
        }

        var zone = context.PanOsZone;
        var isAudit = dateComma - start >= 0 && count > 2 && IsAudit(payload[columns[2]]);
        if (isAudit)
        {
            return Audit(raw[..start], new PanRecord(payload, columns[..count], flags[..count]), payload, columns, context, doc);
        }

        if (count < 7)
        {
            return ParseResult.Fail("truncated", $"The PAN-OS line has {count} columns; the common header alone needs 7.");
        }

        var type = PanMapper.ParseType(payload[columns[PanMapper.Type]]);
        if (type == PanMapper.LogType.Traffic && payload.IndexOf((byte)'{') >= 0 && PanCsv.BracesBalanced(payload))
        {
            count = PanCsv.Split(payload, columns, flags, braces: true);
        }

        if (count < PanMapper.MinColumns(type))
        {
            return ParseResult.Fail("truncated", $"The PAN-OS {Encoding.UTF8.GetString(payload[columns[PanMapper.Type]])} line has {count} columns; at least {PanMapper.MinColumns(type)} are expected.");
        }

        var r = new PanRecord(payload, columns[..count], flags[..count], trim: type == PanMapper.LogType.System);
        if (!r.TryTime(PanMapper.GeneratedTime, zone, out var generated))
        {
            return ParseResult.Fail("invalid_timestamp", "The PAN-OS Generated Time column is not a yyyy/MM/dd HH:mm:ss time.");
        }

        Header(raw[..start], context, doc, null);
        PanMapper.Observer(doc);
        doc.Set(Ecs.Timestamp, generated);
        doc.Set(PanFields.GeneratedTime, generated);
        if (r.TryTime(PanMapper.ReceiveTime, zone, out var received))
        {
            doc.Set(PanFields.ReceivedTime, received);

            // Like Elastic: the time the firewall received (logged) the event is when it was created.
            doc.Set(Ecs.EventCreated, received);
        }

        PanMapper.TimeZoneOffset(doc, zone, generated);
        doc.Set(Ecs.ObserverSerialNumber, r.Str(PanMapper.Serial));
        doc.Set(PanFields.Type, r.Str(PanMapper.Type));
        doc.Set(PanFields.SubType, r.Str(PanMapper.SubType));

        // Elastic keeps everything after Generated Time as the message.
        var messageStart = columns[PanMapper.GeneratedTime].End.Value + 1;
        if (messageStart < payload.Length)
        {
            doc.Set(Ecs.Message, Encoding.UTF8.GetString(payload[messageStart..]));
        }

        PanMapper.MapBody(r, type, context, doc);
        return ParseResult.Ok;
    }

    private static bool IsAudit(ReadOnlySpan<byte> s) => s.SequenceEqual("audit"u8) || s.SequenceEqual("AUDIT"u8);

    // Audit logs: serial,time,audit,FUTURE_USE,command type,user,command,result.
    private static ParseResult Audit(ReadOnlySpan<byte> header, in PanRecord r, ReadOnlySpan<byte> payload, ReadOnlySpan<Range> columns, NormalizeContext context, EcsDocument doc)
    {
        if (r.Count < 4)
        {
            return ParseResult.Fail("truncated", "The PAN-OS audit line ends after its header.");
        }

        if (!r.TryTime(1, context.PanOsZone, out var time))
        {
            return ParseResult.Fail("invalid_timestamp", "The PAN-OS audit time is not a yyyy/MM/dd HH:mm:ss time.");
        }

        var host = Header(header, context, doc, null);
        PanMapper.Observer(doc);
        doc.Set(Ecs.Timestamp, time);
        PanMapper.TimeZoneOffset(doc, context.PanOsZone, time);
        doc.Set(Ecs.ObserverSerialNumber, r.Str(0));
        doc.Set(PanFields.Type, r.Str(2));
        doc.Set(Ecs.Message, Encoding.UTF8.GetString(payload[columns[3].Start.Value..]));
        doc.Set(Ecs.EventKind, "event");
        doc.Add(Ecs.EventCategory, "configuration");
        doc.Set(PanFields.AuditEventCode, r.Str(3));
        doc.Set(PanFields.AuditEventId, r.Str(4));
        doc.Set(PanFields.AuditEventAction, r.Str(6));
        doc.Set(PanFields.AuditEventOutcome, r.Str(7));
        if (host is not null && PanMapper.IsIp(Encoding.UTF8.GetBytes(host)))
        {
            doc.Set(Ecs.SourceIp, host);
        }

        PanMapper.Finish(doc);
        return ParseResult.Ok;
    }

    /// <summary>Decodes a syslog header in front of the payload into <c>log.syslog.*</c>; returns its hostname.</summary>
    internal static string? Header(ReadOnlySpan<byte> header, NormalizeContext context, EcsDocument doc, string? fallbackHost)
    {
        header = header.Trim((byte)' ');
        if (header.IsEmpty || !SyslogHeader.TryParse(header, context.PanOsZone, context.Clock.GetUtcNow(), out var h))
        {
            return fallbackHost;
        }

        if (h.Priority >= 0)
        {
            doc.Set(Ecs.LogSyslogPriority, h.Priority);
            doc.Set(Ecs.LogSyslogFacilityCode, h.Facility);
            doc.Set(Ecs.LogSyslogFacilityName, SyslogHeader.FacilityName(h.Facility));
            doc.Set(Ecs.LogSyslogSeverityCode, h.Severity);
            doc.Set(Ecs.LogSyslogSeverityName, SyslogHeader.SeverityName(h.Severity));
        }

        if (h.Version > 0)
        {
            doc.Set(Ecs.LogSyslogVersion, h.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            doc.Set(Ecs.LogSyslogAppname, SyslogHeader.Str(h.AppName));
            doc.Set(Ecs.LogSyslogProcid, SyslogHeader.Str(h.ProcId));
            doc.Set(Ecs.LogSyslogMsgid, SyslogHeader.Str(h.MsgId));
        }

        // A bare header such as "Nov 30 16:09:08 PA-220" leaves the hostname as the tag.
        var host = SyslogHeader.Str(h.Hostname) ?? SyslogHeader.Str(h.Message.Trim((byte)' ').TrimEnd((byte)':'));
        doc.Set(Ecs.LogSyslogHostname, host);
        return host ?? fallbackHost;
    }
}

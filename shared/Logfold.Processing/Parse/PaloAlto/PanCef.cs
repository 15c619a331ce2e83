using System.Buffers;
using System.Globalization;
using System.Text;
using Logfold.Processing.Model;
using Logfold.Processing.Parse.Common;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>
/// PAN-OS CEF and LEEF output (the custom log formats PAN-OS documents for ArcSight and QRadar). The keys are
/// placed at the column positions the CSV format uses, so both go through the same mapping as CSV.
/// </summary>
internal static class PanCef
{
    /// <summary>The two key=value formats.</summary>
    public enum Format
    {
        None,
        Cef,
        Leef,
    }

    // Keys shared by TRAFFIC, THREAT and DECRYPTION (columns 7..30 and the header columns).
    private static readonly Dictionary<string, int> Flow = new(StringComparer.Ordinal)
    {
        ["deviceExternalId"] = PanMapper.Serial, ["SerialNumber"] = PanMapper.Serial,
        ["src"] = 7, ["dst"] = 8, ["sourceTranslatedAddress"] = 9, ["srcPostNAT"] = 9,
        ["destinationTranslatedAddress"] = 10, ["dstPostNAT"] = 10, ["cs1"] = 11, ["RuleName"] = 11,
        ["suser"] = 12, ["usrName"] = 12, ["SourceUser"] = 12, ["duser"] = 13, ["DestinationUser"] = 13,
        ["app"] = 14, ["Application"] = 14, ["cs3"] = 15, ["VirtualSystem"] = 15, ["cs4"] = 16, ["SourceZone"] = 16,
        ["cs5"] = 17, ["DestinationZone"] = 17, ["deviceInboundInterface"] = 18, ["IngressInterface"] = 18,
        ["deviceOutboundInterface"] = 19, ["EgressInterface"] = 19, ["cs6"] = 20, ["LogForwardingProfile"] = 20,
        ["cn1"] = 22, ["SessionID"] = 22, ["cnt"] = 23, ["RepeatCount"] = 23, ["spt"] = 24, ["srcPort"] = 24,
        ["dpt"] = 25, ["dstPort"] = 25, ["sourceTranslatedPort"] = 26, ["srcPostNATPort"] = 26,
        ["destinationTranslatedPort"] = 27, ["dstPostNATPort"] = 27, ["flexString1"] = 28, ["Flags"] = 28,
        ["proto"] = 29, ["act"] = 30, ["action"] = 30,
    };

    private static readonly Dictionary<string, int> Traffic = With(Flow, new()
    {
        ["flexNumber1"] = 31, ["totalBytes"] = 31, ["in"] = 32, ["srcBytes"] = 32, ["out"] = 33, ["dstBytes"] = 33,
        ["cn2"] = 34, ["totalPackets"] = 34, ["StartTime"] = 35, ["cn3"] = 36, ["ElapsedTime"] = 36, ["cs2"] = 37,
        ["URLCategory"] = 37, ["externalId"] = 39, ["sequence"] = 39, ["PanOSActionFlags"] = 40, ["ActionFlags"] = 40,
        ["PanOSSourceLocation"] = 41, ["SourceLocation"] = 41, ["PanOSDestinationLocation"] = 42,
        ["DestinationLocation"] = 42, ["PanOSPacketsSent"] = 44, ["srcPackets"] = 44, ["PanOSPacketsReceived"] = 45,
        ["dstPackets"] = 45, ["reason"] = 46, ["SessionEndReason"] = 46, ["PanOSDGl1"] = 47, ["PanOSDGl2"] = 48,
        ["PanOSDGl3"] = 49, ["PanOSDGl4"] = 50, ["PanOSVsysName"] = 51, ["dvchost"] = 52, ["DeviceName"] = 52,
        ["PanOSActionSource"] = 53, ["PanOSRuleUUID"] = 65,
    });

    private static readonly Dictionary<string, int> Threat = With(Flow, new()
    {
        ["request"] = 31, ["Miscellaneous"] = 31, ["URL"] = 31, ["cat"] = 32, ["ThreatID"] = 32, ["cs2"] = 33,
        ["URLCategory"] = 33, ["Severity"] = 34, ["PanOSSeverity"] = 34, ["flexString2"] = 35, ["Direction"] = 35,
        ["externalId"] = 36, ["sequence"] = 36, ["PanOSActionFlags"] = 37, ["ActionFlags"] = 37,
        ["PanOSSourceLocation"] = 38, ["SourceLocation"] = 38, ["PanOSDestinationLocation"] = 39,
        ["DestinationLocation"] = 39, ["PanOSContentType"] = 41, ["ContentType"] = 41, ["fileId"] = 42,
        ["PCAP_ID"] = 42, ["fileHash"] = 43, ["FileDigest"] = 43, ["PanOSCloud"] = 44, ["PanOSURLIndex"] = 45,
        ["requestClientApplication"] = 46, ["UserAgent"] = 46, ["fileType"] = 47, ["FileType"] = 47,
        ["PanOSX-Forwarded-For"] = 48, ["X-Forwarded-For"] = 48, ["PanOSReferer"] = 49, ["Referer"] = 49,
        ["PanOSSender"] = 50, ["Sender"] = 50, ["PanOSSubject"] = 51, ["Subject"] = 51, ["PanOSRecipient"] = 52,
        ["Recipient"] = 52, ["PanOSReportID"] = 53, ["ReportID"] = 53, ["PanOSDGl1"] = 54, ["PanOSDGl2"] = 55,
        ["PanOSDGl3"] = 56, ["PanOSDGl4"] = 57, ["PanOSVsysName"] = 58, ["dvchost"] = 59, ["DeviceName"] = 59,
        ["requestMethod"] = 63, ["PanOSThreatCategory"] = 69, ["ThreatCategory"] = 69, ["PanOSContentVersion"] = 70,
        ["ContentVersion"] = 70, ["PanOSRuleUUID"] = 76,
    });

    private static readonly Dictionary<string, int> System = new(StringComparer.Ordinal)
    {
        ["deviceExternalId"] = PanMapper.Serial, ["SerialNumber"] = PanMapper.Serial, ["cs3"] = 7,
        ["VirtualSystem"] = 7, ["cat"] = 8, ["EventID"] = 8, ["fname"] = 9, ["Object"] = 9, ["flexString2"] = 12,
        ["Module"] = 12, ["Severity"] = 13, ["msg"] = 14, ["Description"] = 14, ["externalId"] = 15, ["sequence"] = 15,
        ["dvchost"] = 22, ["DeviceName"] = 22,
    };

    private static readonly Dictionary<string, int> Config = new(StringComparer.Ordinal)
    {
        ["deviceExternalId"] = PanMapper.Serial, ["SerialNumber"] = PanMapper.Serial, ["shost"] = 7, ["src"] = 7,
        ["Host"] = 7, ["cs3"] = 8, ["VirtualSystem"] = 8, ["act"] = 9, ["Command"] = 9, ["duser"] = 10, ["suser"] = 10,
        ["usrName"] = 10, ["Admin"] = 10, ["destinationServiceName"] = 11, ["Client"] = 11, ["outcome"] = 12,
        ["Result"] = 12, ["msg"] = 13, ["ConfigurationPath"] = 13, ["externalId"] = 16, ["sequence"] = 16,
        ["dvchost"] = 23, ["DeviceName"] = 23,
    };

    private static readonly Dictionary<string, int> Other = new(StringComparer.Ordinal)
    {
        ["deviceExternalId"] = PanMapper.Serial, ["SerialNumber"] = PanMapper.Serial,
    };

    private static Dictionary<string, int> With(Dictionary<string, int> common, Dictionary<string, int> extra)
    {
        var d = new Dictionary<string, int>(common, StringComparer.Ordinal);
        foreach (var (k, v) in extra)
        {
            d[k] = v;
        }

        return d;
    }

    /// <summary>Finds <c>CEF:n|Palo Alto Networks|</c> or <c>LEEF:n|Palo Alto Networks|</c>; <paramref name="start"/> is where it begins.</summary>
    public static Format Locate(ReadOnlySpan<byte> raw, out int start)
    {
        start = -1;
        var window = raw[..Math.Min(raw.Length, 360)];
        var vendor = window.IndexOf("|Palo Alto Networks|"u8);
        if (vendor < 0)
        {
            return Format.None;
        }

        var head = window[..vendor];
        var cef = head.LastIndexOf("CEF:"u8);
        if (cef >= 0 && vendor - cef <= 6)
        {
            start = cef;
            return Format.Cef;
        }

        var leef = head.LastIndexOf("LEEF:"u8);
        if (leef >= 0 && vendor - leef <= 8)
        {
            start = leef;
            return Format.Leef;
        }

        return Format.None;
    }

    /// <summary>Normalizes a CEF or LEEF payload (starting at <c>CEF:</c> or <c>LEEF:</c>).</summary>
    public static ParseResult Normalize(ReadOnlySpan<byte> payload, Format format, NormalizeContext context, EcsDocument doc)
    {
        // Header: CEF has 7 '|'-separated fields before the extension, LEEF 5 (LEEF 2.0 adds a delimiter field).
        var headerFields = format == Format.Cef ? 7 : 5;
        Span<Range> header = stackalloc Range[8];
        var pos = 0;
        var n = 0;
        while (n < headerFields)
        {
            var bar = IndexOfUnescaped(payload[pos..], (byte)'|');
            if (bar < 0)
            {
                return ParseResult.Fail("truncated", $"The {format} header ends after {n} of its {headerFields} fields.");
            }

            header[n++] = new Range(pos, pos + bar);
            pos += bar + 1;
        }

        var delimiter = format == Format.Cef ? (byte)' ' : (byte)'\t';
        if (format == Format.Leef)
        {
            var version = payload[header[0]];
            if (version.SequenceEqual("LEEF:2.0"u8))
            {
                var bar = payload[pos..].IndexOf((byte)'|');
                if (bar >= 0 && bar <= 4)
                {
                    delimiter = LeefDelimiter(payload.Slice(pos, bar));
                    pos += bar + 1;
                }
            }
            else if (payload[pos..].IndexOf((byte)'\t') < 0 && payload[pos..].IndexOf((byte)'|') >= 0)
            {
                // PAN-OS's QRadar format separates attributes with '|'.
                delimiter = (byte)'|';
            }
        }

        var extension = payload[pos..];
        ReadOnlySpan<byte> subText = default;
        var typeText = format == Format.Cef ? PickType(payload[header[4]], payload[header[5]], out subText) : default;
        if (format == Format.Leef)
        {
            typeText = FindValue(extension, "Type"u8, delimiter, format);
            if (typeText.IsEmpty)
            {
                typeText = FindValue(extension, "cat"u8, delimiter, format);
            }

            subText = FindValue(extension, "Subtype"u8, delimiter, format);
        }

        var type = PanMapper.ParseType(typeText);
        var keys = type switch
        {
            PanMapper.LogType.Traffic => Traffic,
            PanMapper.LogType.Threat => Threat,
            PanMapper.LogType.Decryption => Flow,
            PanMapper.LogType.System => System,
            PanMapper.LogType.Config => Config,
            _ => Other,
        };

        // Decode the mapped values into one scratch buffer and point the columns at them.
        var buffer = ArrayPool<byte>.Shared.Rent((payload.Length * 2) + 64);
        try
        {
            Span<Range> columns = stackalloc Range[PanCsv.MaxColumns];
            columns.Clear();
            var used = 0;
            var maxColumn = PanMapper.GeneratedTime;
            used = Put(buffer, used, typeText, columns, PanMapper.Type);
            used = Put(buffer, used, subText, columns, PanMapper.SubType);
            DateTimeOffset? received = null;
            DateTimeOffset? generated = null;
            Span<char> keyChars = stackalloc char[64];
            var lookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
            var rest = extension;
            while (NextPair(ref rest, delimiter, format, out var key, out var value))
            {
                if (key.Length > keyChars.Length)
                {
                    continue;
                }

                var kc = keyChars[..Encoding.ASCII.GetChars(key, keyChars)];
                if (kc.SequenceEqual("rt") || kc.SequenceEqual("ReceiveTime"))
                {
                    received = ParseTime(Unescape(value, format, buffer.AsSpan(used)), context) ?? received;
                    continue;
                }

                if (kc.SequenceEqual("start") || kc.SequenceEqual("devTime") || kc.SequenceEqual("GeneratedTime"))
                {
                    generated = ParseTime(Unescape(value, format, buffer.AsSpan(used)), context) ?? generated;
                    continue;
                }

                if (!lookup.TryGetValue(kc, out var column))
                {
                    continue;
                }

                var text = Unescape(value, format, buffer.AsSpan(used));
                columns[column] = new Range(used, used + text.Length);
                used += text.Length;
                maxColumn = Math.Max(maxColumn, column);
            }

            var timestamp = generated ?? received;
            if (timestamp is null)
            {
                return ParseResult.Fail("invalid_timestamp", $"The PAN-OS {format} event has no readable rt/start (CEF) or ReceiveTime/devTime (LEEF) time.");
            }

            Span<byte> flags = stackalloc byte[maxColumn + 1];
            flags.Clear();
            var r = new PanRecord(buffer.AsSpan(0, used), columns[..(maxColumn + 1)], flags);
            PanMapper.Observer(doc);
            doc.Set(Ecs.Timestamp, timestamp.Value);
            doc.Set(PanFields.GeneratedTime, timestamp.Value);
            if (received is { } rt)
            {
                doc.Set(PanFields.ReceivedTime, rt);
                doc.Set(Ecs.EventCreated, rt);
            }

            PanMapper.TimeZoneOffset(doc, context.PanOsZone, timestamp.Value);
            doc.Set(PanFields.Format, format == Format.Cef ? "cef" : "leef");
            doc.Set(Ecs.ObserverSerialNumber, r.Str(PanMapper.Serial));
            doc.Set(PanFields.Type, r.Str(PanMapper.Type));
            doc.Set(PanFields.SubType, r.Str(PanMapper.SubType));
            doc.Set(Ecs.ObserverVersion, SyslogHeader.Str(payload[header[3]]));
            if (format == Format.Cef)
            {
                doc.Set(PanFields.CefName, SyslogHeader.Str(payload[header[5]]));
                doc.Set(PanFields.CefSeverity, SyslogHeader.Str(payload[header[6]]));
            }

            PanMapper.MapBody(r, type, context, doc);
            return ParseResult.Ok;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // PAN-OS CEF puts the subtype and type in "Device Event Class ID" and "Name" (in either order by version).
    private static ReadOnlySpan<byte> PickType(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, out ReadOnlySpan<byte> sub)
    {
        if (PanMapper.ParseType(b) != PanMapper.LogType.Unknown)
        {
            sub = a;
            return b;
        }

        sub = b;
        return a;
    }

    private static int Put(byte[] buffer, int used, ReadOnlySpan<byte> value, Span<Range> columns, int column)
    {
        value.CopyTo(buffer.AsSpan(used));
        columns[column] = new Range(used, used + value.Length);
        return used + value.Length;
    }

    private static byte LeefDelimiter(ReadOnlySpan<byte> spec)
    {
        if (spec.Length == 1)
        {
            return spec[0];
        }

        if (spec.Length >= 3 && (spec[0] | 0x20) == 'x' &&
            byte.TryParse(Encoding.ASCII.GetString(spec[1..]), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
        {
            return b;
        }

        return (byte)'\t';
    }

    private static int IndexOfUnescaped(ReadOnlySpan<byte> s, byte c)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == (byte)'\\')
            {
                i++;
                continue;
            }

            if (s[i] == c)
            {
                return i;
            }
        }

        return -1;
    }

    private static ReadOnlySpan<byte> FindValue(ReadOnlySpan<byte> extension, ReadOnlySpan<byte> name, byte delimiter, Format format)
    {
        var rest = extension;
        while (NextPair(ref rest, delimiter, format, out var key, out var value))
        {
            if (key.SequenceEqual(name))
            {
                return value;
            }
        }

        return default;
    }

    /// <summary>
    /// Reads the next key=value pair. CEF values run to the space before the next <c>key=</c> (values may hold
    /// spaces; '=' inside values is escaped); LEEF pairs are split by the delimiter.
    /// </summary>
    private static bool NextPair(scoped ref ReadOnlySpan<byte> rest, byte delimiter, Format format, out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        key = default;
        value = default;
        while (!rest.IsEmpty && (rest[0] == delimiter || rest[0] == (byte)' '))
        {
            rest = rest[1..];
        }

        if (rest.IsEmpty)
        {
            return false;
        }

        var eq = rest.IndexOf((byte)'=');
        if (eq <= 0)
        {
            rest = default;
            return false;
        }

        key = rest[..eq];
        var after = rest[(eq + 1)..];
        if (format == Format.Leef)
        {
            var end = after.IndexOf(delimiter);
            value = end < 0 ? after : after[..end];
            rest = end < 0 ? default : after[(end + 1)..];
            return true;
        }

        // CEF: find the next unescaped '=' and back up to the space before its key.
        var next = IndexOfUnescaped(after, (byte)'=');
        if (next < 0)
        {
            value = after.TrimEnd((byte)' ');
            rest = default;
            return true;
        }

        var space = after[..next].LastIndexOf((byte)' ');
        if (space < 0)
        {
            value = default;
            rest = after;
            return true;
        }

        value = after[..space];
        rest = after[(space + 1)..];
        return true;
    }

    // CEF escapes '\\', '=', '|' (header) and writes \n, \r; LEEF values are taken as they are.
    private static ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> value, Format format, Span<byte> into)
    {
        if (format == Format.Leef || value.IndexOf((byte)'\\') < 0)
        {
            value.CopyTo(into);
            return into[..value.Length];
        }

        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == (byte)'\\' && i + 1 < value.Length)
            {
                var e = value[++i];
                into[n++] = e switch
                {
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    _ => e,
                };
                continue;
            }

            into[n++] = c;
        }

        return into[..n];
    }

    // CEF times: "MMM dd yyyy HH:mm:ss[ zone]" (PAN-OS cef-formatted-*), epoch milliseconds, or PAN-OS "yyyy/MM/dd HH:mm:ss".
    private static DateTimeOffset? ParseTime(ReadOnlySpan<byte> s, NormalizeContext context)
    {
        var zone = context.PanOsZone;
        if (PanTime.TryParse(s, zone, out var pan))
        {
            return pan;
        }

        if (s.Length >= 12 && s.Length <= 14 && long.TryParse(Encoding.ASCII.GetString(s), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        var z = s.Length > 20 ? s[20..].Trim((byte)' ') : default;
        var utc = z.SequenceEqual("GMT"u8) || z.SequenceEqual("UTC"u8) || z.SequenceEqual("Z"u8);
        if (SyslogHeader.TryParseLegacyTimestamp(s, utc ? TimeZoneInfo.Utc : zone, context.Clock.GetUtcNow(), out var t, out _, out var consumed) && consumed >= 15)
        {
            if (!utc && z.Length >= 5 && (z[0] == (byte)'+' || z[0] == (byte)'-') &&
                int.TryParse(Encoding.ASCII.GetString(z[1..3]), NumberStyles.None, CultureInfo.InvariantCulture, out var hh) &&
                int.TryParse(Encoding.ASCII.GetString(z[^2..]), NumberStyles.None, CultureInfo.InvariantCulture, out var mm))
            {
                var offset = new TimeSpan(hh, mm, 0) * (z[0] == (byte)'-' ? -1 : 1);
                return new DateTimeOffset(t.UtcDateTime.Add(t.Offset) - offset, TimeSpan.Zero);
            }

            return t;
        }

        return null;
    }
}

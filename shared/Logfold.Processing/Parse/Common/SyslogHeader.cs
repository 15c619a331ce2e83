using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Logfold.Processing.Parse.Common;

/// <summary>
/// A parsed syslog header: RFC 5424 (<c>&lt;PRI&gt;1 TIMESTAMP HOST APP PROCID MSGID SD MSG</c>) or RFC 3164
/// (<c>&lt;PRI&gt;Mmm dd HH:mm:ss HOST TAG[PID]: MSG</c>, PRI optional, also with an ISO 8601 timestamp or a year).
/// Spans point into the input; nothing is allocated until a caller turns a span into a string.
/// </summary>
internal ref struct SyslogHeader
{
    /// <summary>The PRI value, or -1 when absent.</summary>
    public int Priority;

    /// <summary>1 for RFC 5424, 0 for RFC 3164 and its variants.</summary>
    public int Version;

    /// <summary>The timestamp, when present and valid.</summary>
    public DateTimeOffset? Timestamp;

    /// <summary>True when the timestamp carried its own zone or offset.</summary>
    public bool TimestampHadZone;

    /// <summary>The HOSTNAME field (empty when absent or nil).</summary>
    public ReadOnlySpan<byte> Hostname;

    /// <summary>The APP-NAME (5424) or TAG (3164), without the PID.</summary>
    public ReadOnlySpan<byte> AppName;

    /// <summary>The PROCID (5424) or the PID in TAG[PID] (3164).</summary>
    public ReadOnlySpan<byte> ProcId;

    /// <summary>The MSGID (5424 only).</summary>
    public ReadOnlySpan<byte> MsgId;

    /// <summary>The raw STRUCTURED-DATA (5424 only), including brackets.</summary>
    public ReadOnlySpan<byte> StructuredData;

    /// <summary>The message after the header.</summary>
    public ReadOnlySpan<byte> Message;

    /// <summary>The facility code (PRI / 8), or -1.</summary>
    public readonly int Facility => Priority < 0 ? -1 : Priority >> 3;

    /// <summary>The severity code (PRI % 8), or -1.</summary>
    public readonly int Severity => Priority < 0 ? -1 : Priority & 7;

    private static readonly string[] FacilityNames =
    [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp",
        "ntp", "security", "console", "solaris-cron", "local0", "local1", "local2", "local3", "local4", "local5",
        "local6", "local7",
    ];

    private static readonly string[] SeverityNames =
        ["emergency", "alert", "critical", "error", "warning", "notice", "informational", "debug"];

    /// <summary>The facility name for a code (<c>kern</c>, <c>auth</c>, ... <c>local7</c>), or null.</summary>
    public static string? FacilityName(int code) => code >= 0 && code < FacilityNames.Length ? FacilityNames[code] : null;

    /// <summary>The severity name for a code (<c>emergency</c> ... <c>debug</c>), or null.</summary>
    public static string? SeverityName(int code) => code >= 0 && code < SeverityNames.Length ? SeverityNames[code] : null;

    /// <summary>
    /// Parses a syslog header. Returns false when the input has neither a PRI nor a recognisable timestamp.
    /// </summary>
    /// <param name="raw">The whole line.</param>
    /// <param name="zone">The zone for timestamps without one.</param>
    /// <param name="now">The processing time, to infer the year of RFC 3164 timestamps.</param>
    /// <param name="header">The result.</param>
    public static bool TryParse(ReadOnlySpan<byte> raw, TimeZoneInfo zone, DateTimeOffset now, out SyslogHeader header)
    {
        header = default;
        header.Priority = -1;
        var rest = raw;
        if (rest.Length > 2 && rest[0] == (byte)'<')
        {
            var close = rest[..Math.Min(rest.Length, 6)].IndexOf((byte)'>');
            if (close > 1 && Utf8Parser.TryParse(rest[1..close], out int pri, out var used) && used == close - 1 && pri is >= 0 and <= 191)
            {
                header.Priority = pri;
                rest = rest[(close + 1)..];
            }
        }

        // RFC 5424: VERSION SP
        if (header.Priority >= 0 && rest.Length > 2 && rest[0] == (byte)'1' && rest[1] == (byte)' ')
        {
            return Parse5424(rest[2..], zone, ref header);
        }

        rest = rest.TrimStart((byte)' ');
        if (TryParseLegacyTimestamp(rest, zone, now, out var ts, out var hadZone, out var consumed))
        {
            header.Timestamp = ts;
            header.TimestampHadZone = hadZone;
            rest = rest[consumed..].TrimStart((byte)' ');
        }
        else if (header.Priority < 0)
        {
            return false;
        }

        // HOSTNAME: a token without ':' or '[' followed by a space, unless the token is the tag itself.
        var space = rest.IndexOf((byte)' ');
        if (space > 0)
        {
            var token = rest[..space];
            if (token[^1] != (byte)':' && token.IndexOf((byte)'[') < 0)
            {
                header.Hostname = token;
                rest = rest[(space + 1)..];
            }
        }

        ParseTag(rest, ref header);
        return true;
    }

    private static void ParseTag(ReadOnlySpan<byte> rest, ref SyslogHeader header)
    {
        // TAG is alphanumerics plus a few symbols, ended by '[', ':' or a space.
        var i = 0;
        while (i < rest.Length && i < 64)
        {
            var c = rest[i];
            if (c is (byte)'[' or (byte)':' or (byte)' ')
            {
                break;
            }

            i++;
        }

        if (i == 0 || i >= rest.Length)
        {
            header.Message = rest;
            return;
        }

        var tag = rest[..i];
        var after = rest[i..];
        ReadOnlySpan<byte> pid = default;
        if (after[0] == (byte)'[')
        {
            var close = after.IndexOf((byte)']');
            if (close < 0)
            {
                header.Message = rest;
                return;
            }

            pid = after[1..close];
            after = after[(close + 1)..];
        }

        if (after.Length > 0 && after[0] == (byte)':')
        {
            header.AppName = tag;
            header.ProcId = pid;
            header.Message = after[1..].TrimStart((byte)' ');
        }
        else if (!pid.IsEmpty)
        {
            header.AppName = tag;
            header.ProcId = pid;
            header.Message = after.TrimStart((byte)' ');
        }
        else
        {
            header.Message = rest;
        }
    }

    private static bool Parse5424(ReadOnlySpan<byte> rest, TimeZoneInfo zone, ref SyslogHeader header)
    {
        header.Version = 1;
        var ts = NextToken(ref rest);
        if (!(ts.Length == 1 && ts[0] == (byte)'-'))
        {
            if (TryParseIso(ts, zone, out var t, out var hadZone))
            {
                header.Timestamp = t;
                header.TimestampHadZone = hadZone;
            }
        }

        header.Hostname = Nil(NextToken(ref rest));
        header.AppName = Nil(NextToken(ref rest));
        header.ProcId = Nil(NextToken(ref rest));
        header.MsgId = Nil(NextToken(ref rest));
        if (rest.Length > 0 && rest[0] == (byte)'[')
        {
            var end = StructuredDataEnd(rest);
            header.StructuredData = rest[..end];
            rest = rest[end..];
        }
        else if (rest.Length > 0 && rest[0] == (byte)'-')
        {
            rest = rest[1..];
        }

        if (rest.Length > 0 && rest[0] == (byte)' ')
        {
            rest = rest[1..];
        }

        // A UTF-8 BOM may precede MSG.
        if (rest.Length >= 3 && rest[0] == 0xEF && rest[1] == 0xBB && rest[2] == 0xBF)
        {
            rest = rest[3..];
        }

        header.Message = rest;
        return true;
    }

    // Finds the end of one or more SD-ELEMENTs, honouring escaped characters inside quoted values.
    private static int StructuredDataEnd(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && s[i] == (byte)'[')
        {
            var inQuotes = false;
            i++;
            while (i < s.Length)
            {
                var c = s[i];
                if (c == (byte)'\\' && inQuotes)
                {
                    i += 2;
                    continue;
                }

                if (c == (byte)'"')
                {
                    inQuotes = !inQuotes;
                }
                else if (c == (byte)']' && !inQuotes)
                {
                    i++;
                    break;
                }

                i++;
            }
        }

        return Math.Min(i, s.Length);
    }

    private static ReadOnlySpan<byte> Nil(ReadOnlySpan<byte> token) => token.Length == 1 && token[0] == (byte)'-' ? default : token;

    private static ReadOnlySpan<byte> NextToken(scoped ref ReadOnlySpan<byte> rest)
    {
        var space = rest.IndexOf((byte)' ');
        ReadOnlySpan<byte> token;
        if (space < 0)
        {
            token = rest;
            rest = default;
        }
        else
        {
            token = rest[..space];
            rest = rest[(space + 1)..];
        }

        return token;
    }

    /// <summary>
    /// Parses <c>Mmm dd HH:mm:ss</c>, <c>Mmm dd yyyy HH:mm:ss</c> (optionally with fractions), or an
    /// ISO 8601 timestamp at the start of <paramref name="s"/>.
    /// </summary>
    public static bool TryParseLegacyTimestamp(ReadOnlySpan<byte> s, TimeZoneInfo zone, DateTimeOffset now, out DateTimeOffset value, out bool hadZone, out int consumed)
    {
        value = default;
        hadZone = false;
        consumed = 0;
        if (s.Length >= 15 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]) && s[4] == (byte)'-')
        {
            var space = s.IndexOf((byte)' ');
            var token = space < 0 ? s : s[..space];
            if (TryParseIso(token, zone, out value, out hadZone))
            {
                consumed = token.Length;
                return true;
            }

            return false;
        }

        if (s.Length < 15)
        {
            return false;
        }

        var month = MonthFromAbbrev(s);
        if (month == 0 || s[3] != (byte)' ')
        {
            return false;
        }

        var i = 4;
        if (s[i] == (byte)' ')
        {
            i++;
        }

        if (!ReadInt(s, ref i, 2, out var day) || day is < 1 or > 31 || i >= s.Length || s[i] != (byte)' ')
        {
            return false;
        }

        i++;
        var year = -1;
        if (i + 5 <= s.Length && IsDigit(s[i]) && IsDigit(s[i + 1]) && IsDigit(s[i + 2]) && IsDigit(s[i + 3]) && s[i + 4] == (byte)' ')
        {
            year = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
            i += 5;
        }

        if (!ReadInt(s, ref i, 2, out var hour) || i >= s.Length || s[i++] != (byte)':' ||
            !ReadInt(s, ref i, 2, out var minute) || i >= s.Length || s[i++] != (byte)':' ||
            !ReadInt(s, ref i, 2, out var second) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        long fractionTicks = 0;
        if (i < s.Length && s[i] == (byte)'.')
        {
            i++;
            var scale = TimeSpan.TicksPerSecond / 10;
            while (i < s.Length && IsDigit(s[i]))
            {
                fractionTicks += (s[i] - '0') * scale;
                scale /= 10;
                i++;
            }
        }

        second = Math.Min(second, 59);
        if (year < 0)
        {
            year = InferYear(month, day, hour, minute, zone, now);
        }

        if (day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        value = InZone(local, zone);
        consumed = i;
        return true;
    }

    /// <summary>
    /// RFC 3164 times have no year: use the year that puts the time closest before "now", allowing a day of
    /// clock skew into the future (so a December event read in January lands in the previous year).
    /// </summary>
    public static int InferYear(int month, int day, int hour, int minute, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var year = localNow.Year;
        if (month == 2 && day == 29 && !DateTime.IsLeapYear(year))
        {
            year--;
        }

        var candidate = new DateTime(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)), hour, minute, 0, DateTimeKind.Unspecified);
        if (candidate > localNow.DateTime.AddDays(1))
        {
            year--;
        }

        return year;
    }

    /// <summary>Interprets a wall-clock time in a zone (the earlier instant when ambiguous, shifted when invalid).</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone == TimeZoneInfo.Utc)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local)[0] : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Parses an ISO 8601 / RFC 3339 timestamp; one without an offset is read in <paramref name="zone"/>.</summary>
    public static bool TryParseIso(ReadOnlySpan<byte> s, TimeZoneInfo zone, out DateTimeOffset value, out bool hadZone)
    {
        value = default;
        hadZone = false;
        if (s.Length < 19 || s.Length > 40)
        {
            return false;
        }

        Span<char> chars = stackalloc char[s.Length];
        for (var k = 0; k < s.Length; k++)
        {
            chars[k] = (char)s[k];
        }

        var last = chars[^1];
        hadZone = last is 'Z' or 'z' || (chars.Length > 19 && (chars[^6] is '+' or '-') && chars[^3] == ':') ||
                  (chars.Length > 19 && (chars[^5] is '+' or '-') && IsDigitChar(chars[^1]) && chars[^3] != ':' && chars[^5] != chars[4]);
        if (hadZone)
        {
            return DateTimeOffset.TryParse(chars, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        }

        if (!DateTime.TryParse(chars, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        value = InZone(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        return true;
    }

    /// <summary>The month number for an English three-letter abbreviation at the start of <paramref name="s"/>, or 0.</summary>
    public static int MonthFromAbbrev(ReadOnlySpan<byte> s)
    {
        if (s.Length < 3)
        {
            return 0;
        }

        var key = (s[0] | 0x20) << 16 | (s[1] | 0x20) << 8 | (s[2] | 0x20);
        return key switch
        {
            ('j' << 16) | ('a' << 8) | 'n' => 1,
            ('f' << 16) | ('e' << 8) | 'b' => 2,
            ('m' << 16) | ('a' << 8) | 'r' => 3,
            ('a' << 16) | ('p' << 8) | 'r' => 4,
            ('m' << 16) | ('a' << 8) | 'y' => 5,
            ('j' << 16) | ('u' << 8) | 'n' => 6,
            ('j' << 16) | ('u' << 8) | 'l' => 7,
            ('a' << 16) | ('u' << 8) | 'g' => 8,
            ('s' << 16) | ('e' << 8) | 'p' => 9,
            ('o' << 16) | ('c' << 8) | 't' => 10,
            ('n' << 16) | ('o' << 8) | 'v' => 11,
            ('d' << 16) | ('e' << 8) | 'c' => 12,
            _ => 0,
        };
    }

    private static bool ReadInt(ReadOnlySpan<byte> s, ref int i, int maxDigits, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < maxDigits && IsDigit(s[i]))
        {
            value = value * 10 + (s[i] - '0');
            i++;
        }

        return i > start;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static bool IsDigitChar(char c) => (uint)(c - '0') <= 9;

    /// <summary>Decodes a span as UTF-8 (empty spans give null).</summary>
    public static string? Str(ReadOnlySpan<byte> s) => s.IsEmpty ? null : Encoding.UTF8.GetString(s);
}

using Logfold.Processing.Parse.Common;

namespace Logfold.Processing.Parse.LinuxSyslog;

/// <summary>
/// The cheap structural check behind <see cref="LinuxSyslogSource.Score"/>: no allocation, no full parse. It
/// walks the header shape (PRI, timestamp, host, TAG[PID]:) and then looks for the marks of sources that merely
/// travel inside syslog (PAN-OS CSV, Cisco ASA/FTD, CEF/LEEF, FortiGate key=value, auditd, web access logs), so
/// that those stay below the threshold and their own modules win.
/// </summary>
internal static class SyslogScorer
{
    /// <summary>RFC 3164 with a <c>TAG[PID]:</c>.</summary>
    public const double TaggedWithPid = 0.92;

    /// <summary>RFC 3164 with a <c>TAG:</c>.</summary>
    public const double Tagged = 0.90;

    /// <summary>RFC 3164 timestamp and host, but free text where the tag should be.</summary>
    public const double Untagged = 0.86;

    /// <summary>RFC 5424.</summary>
    public const double Rfc5424 = 0.93;

    /// <summary>journalctl -o json with its trusted fields.</summary>
    public const double Journald = 0.96;

    /// <summary>A syslog-wrapped payload that belongs to another module (PAN-OS CSV and the like).</summary>
    public const double Foreign = 0.40;

    // How far into the body the foreign-payload checks look.
    private const int BodyWindow = 320;

    // How far into a JSON object the journald field names are looked for.
    private const int JsonWindow = 4096;

    public static double Score(ReadOnlySpan<byte> raw)
    {
        var s = raw;
        while (s.Length > 0 && s[0] is (byte)' ' or (byte)'\t')
        {
            s = s[1..];
        }

        if (s.Length < 16)
        {
            return 0;
        }

        if (s[0] == (byte)'{')
        {
            return ScoreJournald(s);
        }

        var hasPri = false;
        if (s[0] == (byte)'<')
        {
            var close = s[..Math.Min(s.Length, 5)].IndexOf((byte)'>');
            if (close < 2)
            {
                return 0;
            }

            var pri = 0;
            for (var k = 1; k < close; k++)
            {
                if ((uint)(s[k] - '0') > 9)
                {
                    return 0;
                }

                pri = pri * 10 + (s[k] - '0');
            }

            if (pri > 191)
            {
                return 0;
            }

            hasPri = true;
            s = s[(close + 1)..];
            if (s.Length > 2 && s[0] == (byte)'1' && s[1] == (byte)' ')
            {
                return Score5424(s[2..]);
            }
        }

        var tsLength = BsdTimestampLength(s, out var hasYear);
        if (tsLength == 0)
        {
            tsLength = IsoTimestampLength(s);
        }

        if (tsLength == 0 || tsLength >= s.Length || s[tsLength] != (byte)' ')
        {
            // "May  5 17:51:17: %ASA-..." (a colon after the time) and PRI-only lines are not Linux syslog.
            return hasPri ? 0.3 : 0;
        }

        var rest = s[(tsLength + 1)..].TrimStart((byte)' ');
        var window = rest[..Math.Min(rest.Length, BodyWindow)];
        if (HasCiscoMnemonic(window))
        {
            return 0.2;
        }

        if (LooksForeign(window))
        {
            return Foreign;
        }

        var bonus = (hasPri ? 0.02 : 0) - (hasYear ? 0.04 : 0);

        // HOSTNAME, unless the first token is already the tag ("sudo: ...").
        var space = rest.IndexOf((byte)' ');
        if (space <= 0)
        {
            return 0.5;
        }

        var first = rest[..space];
        if (first[^1] == (byte)':' || first.IndexOf((byte)'[') > 0)
        {
            var tagScore = TagScore(rest);
            return tagScore > 0 ? tagScore - 0.02 + bonus : 0.5;
        }

        if (!IsHostname(first))
        {
            return 0.5;
        }

        var afterHost = rest[(space + 1)..];
        var tag = TagScore(afterHost);
        if (tag > 0)
        {
            return tag + bonus;
        }

        // Free text after the host: fine for "syslogd 1.4.1: restart.", not for key=value payloads.
        var word = Utf8Text.Word(afterHost.TrimStart((byte)' '));
        if (word.IsEmpty || word.IndexOf((byte)'=') >= 0 || word[0] == (byte)'%')
        {
            return 0.6;
        }

        return Untagged + bonus;
    }

    // TAG[PID]: or TAG: at the start of s; returns 0 when neither.
    private static double TagScore(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && i < 64 && IsTagByte(s[i]))
        {
            i++;
        }

        if (i == 0 || i >= s.Length)
        {
            return 0;
        }

        if (s[i] == (byte)':')
        {
            return Tagged;
        }

        if (s[i] != (byte)'[')
        {
            return 0;
        }

        var close = s[i..Math.Min(s.Length, i + 24)].IndexOf((byte)']');
        if (close < 2)
        {
            return 0;
        }

        var end = i + close + 1;
        return end < s.Length && s[end] == (byte)':' ? TaggedWithPid : Tagged - 0.02;
    }

    private static bool IsTagByte(byte b) =>
        (uint)(b - 'a') <= 25 || (uint)(b - 'A') <= 25 || (uint)(b - '0') <= 9 ||
        b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'/' or (byte)'(' or (byte)')' or (byte)'@' or (byte)'+';

    private static bool IsHostname(ReadOnlySpan<byte> token)
    {
        if (token.Length > 255)
        {
            return false;
        }

        foreach (var b in token)
        {
            if (!Utf8Text.IsHostByte(b))
            {
                return false;
            }
        }

        return true;
    }

    private static double Score5424(ReadOnlySpan<byte> s)
    {
        // TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD
        int tsLength;
        if (s.Length > 1 && s[0] == (byte)'-' && s[1] == (byte)' ')
        {
            tsLength = 1;
        }
        else
        {
            tsLength = IsoTimestampLength(s);
            if (tsLength == 0 || tsLength >= s.Length || s[tsLength] != (byte)' ')
            {
                return 0.3;
            }
        }

        var rest = s[(tsLength + 1)..];
        for (var field = 0; field < 4; field++)
        {
            var sp = rest.IndexOf((byte)' ');
            if (sp <= 0)
            {
                return 0.5;
            }

            rest = rest[(sp + 1)..];
        }

        if (rest.IsEmpty || (rest[0] != (byte)'-' && rest[0] != (byte)'['))
        {
            return 0.5;
        }

        // Skip STRUCTURED-DATA (quoted values may hold commas), then look at MSG.
        rest = rest[SkipStructuredData(rest)..];
        var window = rest[..Math.Min(rest.Length, BodyWindow)];
        if (HasCiscoMnemonic(window) || LooksForeign(window))
        {
            return Foreign;
        }

        return Rfc5424;
    }

    private static int SkipStructuredData(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty || s[0] != (byte)'[')
        {
            return s.Length > 0 && s[0] == (byte)'-' ? 1 : 0;
        }

        var inQuotes = false;
        var i = 0;
        var limit = Math.Min(s.Length, 2048);
        while (i < limit)
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
            }
            else if (c == (byte)'"')
            {
                inQuotes = true;
            }
            else if (c == (byte)']' && (i + 1 >= s.Length || s[i + 1] != (byte)'['))
            {
                return i + 1;
            }

            i++;
        }

        return Math.Min(i, s.Length);
    }

    // Cisco message mnemonics: %ASA-4-106023, %FTD-6-302020, %SEC-6-IPACCESSLOGP, %LINK-3-UPDOWN.
    private static bool HasCiscoMnemonic(ReadOnlySpan<byte> body)
    {
        var from = 0;
        for (var guard = 0; guard < 8; guard++)
        {
            var at = body[from..].IndexOf((byte)'%');
            if (at < 0)
            {
                return false;
            }

            var i = from + at + 1;
            var start = i;
            while (i < body.Length && i - start <= 24 && ((uint)(body[i] - 'A') <= 25 || (uint)(body[i] - '0') <= 9 || body[i] == (byte)'_'))
            {
                i++;
            }

            if (i - start >= 2 && i + 2 < body.Length && body[i] == (byte)'-' && (uint)(body[i + 1] - '0') <= 7 && body[i + 2] == (byte)'-')
            {
                return true;
            }

            from = Math.Max(i, from + at + 1);
            if (from >= body.Length)
            {
                return false;
            }
        }

        return false;
    }

    // Payloads of other modules that ride inside syslog.
    private static bool LooksForeign(ReadOnlySpan<byte> body)
    {
        if (body.IndexOf("%ASA-"u8) >= 0 || body.IndexOf("%FTD-"u8) >= 0 || body.IndexOf("%PIX-"u8) >= 0 ||
            body.IndexOf("CEF:"u8) >= 0 || body.IndexOf("LEEF:"u8) >= 0 || body.IndexOf("msg=audit("u8) >= 0)
        {
            return true;
        }

        // FortiGate key=value (date=... time=... logid=...).
        if (body.IndexOf(" logid="u8) >= 0 && body.IndexOf("date="u8) >= 0)
        {
            return true;
        }

        // Web server access logs (apache, nginx, haproxy) forwarded through syslog: a quoted request line.
        if ((body.IndexOf(" HTTP/1."u8) >= 0 || body.IndexOf(" HTTP/2"u8) >= 0) &&
            (body.IndexOf("\"GET "u8) >= 0 || body.IndexOf("\"POST "u8) >= 0 || body.IndexOf("\"HEAD "u8) >= 0 ||
             body.IndexOf("\"PUT "u8) >= 0 || body.IndexOf("\"DELETE "u8) >= 0 || body.IndexOf("\"OPTIONS "u8) >= 0 ||
             body.IndexOf("\"PATCH "u8) >= 0 || body.IndexOf("\"CONNECT "u8) >= 0))
        {
            return true;
        }

        // A CSV record (PAN-OS and similar): many commas and the first comma before any "tag: " colon.
        var commas = body.Count((byte)',');
        if (commas >= 6)
        {
            var firstComma = body.IndexOf((byte)',');
            var colon = body.IndexOf(": "u8);
            if (colon < 0 || firstComma < colon)
            {
                return true;
            }
        }

        return false;
    }

    private static double ScoreJournald(ReadOnlySpan<byte> s)
    {
        // journalctl writes the trusted fields early; a bounded window keeps huge JSON documents cheap.
        s = s[..Math.Min(s.Length, JsonWindow)];
        if (s.IndexOf("\"__REALTIME_TIMESTAMP\""u8) >= 0 || s.IndexOf("\"__CURSOR\""u8) >= 0)
        {
            return Journald;
        }

        if (s.IndexOf("\"MESSAGE\""u8) >= 0 &&
            (s.IndexOf("\"_SYSTEMD_UNIT\""u8) >= 0 || s.IndexOf("\"SYSLOG_IDENTIFIER\""u8) >= 0 || s.IndexOf("\"_BOOT_ID\""u8) >= 0))
        {
            return Journald - 0.04;
        }

        return 0;
    }

    /// <summary>Length of <c>Mmm dd HH:mm:ss[.fff]</c> or <c>Mmm dd yyyy HH:mm:ss</c> at the start, or 0.</summary>
    public static int BsdTimestampLength(ReadOnlySpan<byte> s, out bool hasYear)
    {
        hasYear = false;
        if (s.Length < 15 || SyslogHeader.MonthFromAbbrev(s) == 0 || s[3] != (byte)' ')
        {
            return 0;
        }

        var i = 4;
        if (s[i] == (byte)' ')
        {
            i++;
        }

        if (!Digit(s, i))
        {
            return 0;
        }

        i++;
        if (Digit(s, i))
        {
            i++;
        }

        if (i >= s.Length || s[i] != (byte)' ')
        {
            return 0;
        }

        i++;
        if (i + 5 <= s.Length && Digit(s, i) && Digit(s, i + 1) && Digit(s, i + 2) && Digit(s, i + 3) && s[i + 4] == (byte)' ')
        {
            hasYear = true;
            i += 5;
        }

        if (i + 8 > s.Length || !Digit(s, i) || !Digit(s, i + 1) || s[i + 2] != (byte)':' || !Digit(s, i + 3) ||
            !Digit(s, i + 4) || s[i + 5] != (byte)':' || !Digit(s, i + 6) || !Digit(s, i + 7))
        {
            return 0;
        }

        i += 8;
        if (i < s.Length && s[i] == (byte)'.')
        {
            i++;
            while (Digit(s, i))
            {
                i++;
            }
        }

        return i;
    }

    /// <summary>Length of an ISO 8601 timestamp (<c>yyyy-MM-ddTHH:mm:ss</c> plus fraction and zone) at the start, or 0.</summary>
    public static int IsoTimestampLength(ReadOnlySpan<byte> s)
    {
        if (s.Length < 19 || !Digit(s, 0) || !Digit(s, 1) || !Digit(s, 2) || !Digit(s, 3) || s[4] != (byte)'-' ||
            !Digit(s, 5) || !Digit(s, 6) || s[7] != (byte)'-' || !Digit(s, 8) || !Digit(s, 9) || s[10] != (byte)'T' ||
            !Digit(s, 11) || !Digit(s, 12) || s[13] != (byte)':' || !Digit(s, 14) || !Digit(s, 15) || s[16] != (byte)':' ||
            !Digit(s, 17) || !Digit(s, 18))
        {
            return 0;
        }

        var i = 19;
        while (i < s.Length && i < 40 && (Digit(s, i) || s[i] is (byte)'.' or (byte)'+' or (byte)'-' or (byte)':' or (byte)'Z' or (byte)'z'))
        {
            i++;
        }

        return i;
    }

    private static bool Digit(ReadOnlySpan<byte> s, int i) => (uint)i < (uint)s.Length && (uint)(s[i] - '0') <= 9;
}

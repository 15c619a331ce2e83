using System.Text;
using Logfold.Processing.Parse.Common;

namespace Logfold.Processing.Stages;

/// <summary>
/// Reads the host an event came from without parsing it: the syslog HOSTNAME, the Windows <c>Computer</c>
/// element, or a well-known JSON host key near the start of the event. Used as the <c>logs.detected</c> key so
/// each host keeps its order. Looks at the first 4 KiB only; returns null when nothing cheap is found.
/// </summary>
internal static class SourceHostReader
{
    private const int Window = 4096;

    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    // JSON keys, in preference order: Windows (winlogbeat/nxlog/evtx dumps), journald, generic.
    private static readonly byte[][] JsonKeys =
    [
        "\"computer_name\":"u8.ToArray(),
        "\"Computer\":"u8.ToArray(),
        "\"Hostname\":"u8.ToArray(),
        "\"_HOSTNAME\":"u8.ToArray(),
        "\"hostname\":"u8.ToArray(),
        "\"host\":{\"name\":"u8.ToArray(),
    ];

    /// <summary>The host as UTF-8 bytes, or null.</summary>
    public static byte[]? Read(ReadOnlySpan<byte> raw)
    {
        if (raw.Length > Window)
        {
            raw = raw[..Window];
        }

        var start = 0;
        while (start < raw.Length && raw[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start == raw.Length)
        {
            return null;
        }

        var s = raw[start..];
        return s[0] switch
        {
            (byte)'{' => FromJson(s),
            (byte)'<' when s.Length > 1 && s[1] is (byte)'E' or (byte)'?' => FromXml(s),
            _ => FromSyslog(s),
        };
    }

    private static byte[]? FromSyslog(ReadOnlySpan<byte> s)
    {
        if (!SyslogHeader.TryParse(s, TimeZoneInfo.Utc, Epoch, out var header))
        {
            return null;
        }

        var host = header.Hostname;
        return host.IsEmpty || (host.Length == 1 && host[0] == (byte)'-') ? null : host.ToArray();
    }

    private static byte[]? FromXml(ReadOnlySpan<byte> s)
    {
        var open = s.IndexOf("<Computer>"u8);
        if (open < 0)
        {
            return null;
        }

        var value = s[(open + "<Computer>"u8.Length)..];
        var close = value.IndexOf((byte)'<');
        return close <= 0 ? null : value[..close].Trim((byte)' ').ToArray();
    }

    private static byte[]? FromJson(ReadOnlySpan<byte> s)
    {
        foreach (var key in JsonKeys)
        {
            var at = s.IndexOf(key);
            if (at < 0)
            {
                continue;
            }

            var rest = s[(at + key.Length)..].TrimStart((byte)' ');
            if (rest.Length < 2 || rest[0] != (byte)'"')
            {
                continue;
            }

            rest = rest[1..];
            var end = rest.IndexOfAny((byte)'"', (byte)'\\');
            if (end > 0 && rest[end] == (byte)'"')
            {
                return rest[..end].ToArray();
            }
        }

        return null;
    }

    /// <summary>The host as a string (for tests and logs).</summary>
    public static string? ReadString(ReadOnlySpan<byte> raw) => Read(raw) is { } b ? Encoding.UTF8.GetString(b) : null;
}

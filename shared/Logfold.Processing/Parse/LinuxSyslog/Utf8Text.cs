using System.Buffers.Text;
using System.Net;
using System.Text;

namespace Logfold.Processing.Parse.LinuxSyslog;

/// <summary>Small allocation-free helpers over UTF-8 spans used by the Linux syslog mappers.</summary>
internal static class Utf8Text
{
    /// <summary>Decodes a span (null when empty).</summary>
    public static string? Str(ReadOnlySpan<byte> s) => s.IsEmpty ? null : Encoding.UTF8.GetString(s);

    /// <summary>Parses a whole span as a non-negative or negative integer.</summary>
    public static bool TryLong(ReadOnlySpan<byte> s, out long value) =>
        Utf8Parser.TryParse(s, out value, out var used) && used == s.Length && s.Length > 0;

    /// <summary>Parses a whole span as hexadecimal, with an optional <c>0x</c> prefix.</summary>
    public static bool TryHex(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        if (s.Length > 2 && s[0] == (byte)'0' && (s[1] | 0x20) == (byte)'x')
        {
            s = s[2..];
        }

        if (s.IsEmpty || s.Length > 15)
        {
            return false;
        }

        foreach (var b in s)
        {
            int v = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (v < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)v;
        }

        return true;
    }

    /// <summary>True when the whole span is an IPv4 or IPv6 address.</summary>
    public static bool IsIp(ReadOnlySpan<byte> s)
    {
        if (s.Length is < 2 or > 64)
        {
            return false;
        }

        if (s.IndexOf((byte)':') < 0)
        {
            // IPAddress also accepts "10" or "10.1" (inet_aton forms); syslog text means dotted quads only.
            var dots = 0;
            foreach (var b in s)
            {
                if (b == (byte)'.')
                {
                    dots++;
                }
                else if ((uint)(b - '0') > 9)
                {
                    return false;
                }
            }

            if (dots != 3)
            {
                return false;
            }
        }

        return IPAddress.TryParse(s, out _);
    }

    /// <summary>True for bytes allowed in a host name or IP address (grok's IPORHOST, loosely).</summary>
    public static bool IsHostByte(byte b) =>
        (uint)(b - 'a') <= 25 || (uint)(b - 'A') <= 25 || (uint)(b - '0') <= 9 || b is (byte)'.' or (byte)'-' or (byte)'_' or (byte)':';

    /// <summary>The leading run of host bytes (an IP or host name), trailing dots and colons removed.</summary>
    public static ReadOnlySpan<byte> HostToken(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && IsHostByte(s[i]))
        {
            i++;
        }

        var token = s[..i];
        while (token.Length > 0 && token[^1] is (byte)'.' or (byte)':')
        {
            // "from 1.2.3.4: 11: Bye" — the colon ends the address unless this is IPv6 ("::1").
            if (token[^1] == (byte)':' && token.Length > 1 && token[^2] == (byte)':')
            {
                break;
            }

            token = token[..^1];
        }

        return token;
    }

    /// <summary>The leading run of ASCII digits.</summary>
    public static ReadOnlySpan<byte> Digits(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            i++;
        }

        return s[..i];
    }

    /// <summary>The span up to the first space (or all of it).</summary>
    public static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> s)
    {
        var space = s.IndexOf((byte)' ');
        return space < 0 ? s : s[..space];
    }

    /// <summary>Trims ASCII whitespace (space, tab, CR, LF) at both ends.</summary>
    public static ReadOnlySpan<byte> TrimWhite(ReadOnlySpan<byte> s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && s[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        while (end > start && s[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            end--;
        }

        return s[start..end];
    }

    /// <summary>Removes one pair of matching single or double quotes.</summary>
    public static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> s)
    {
        if (s.Length >= 2 && (s[0] == (byte)'\'' || s[0] == (byte)'"') && s[^1] == s[0])
        {
            return s[1..^1];
        }

        return s;
    }

    /// <summary>Lower-cases ASCII into a new string.</summary>
    public static string Lower(ReadOnlySpan<byte> s)
    {
        Span<byte> buffer = s.Length <= 128 ? stackalloc byte[s.Length] : new byte[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            var b = s[i];
            buffer[i] = (uint)(b - 'A') <= 25 ? (byte)(b | 0x20) : b;
        }

        return Encoding.UTF8.GetString(buffer);
    }
}

using System.Globalization;
using System.Text;
using Logfold.Processing.Parse.Common;

namespace Logfold.Processing.Parse.WindowsEvent;

/// <summary>Small span helpers shared by the Windows readers: numbers, times and XML text.</summary>
internal static class WinText
{
    /// <summary>Parses a decimal or <c>0x</c> hexadecimal integer (Windows writes both).</summary>
    public static bool TryParseLong(ReadOnlySpan<char> s, out long value)
    {
        s = s.Trim();
        if (s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        {
            if (ulong.TryParse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u))
            {
                value = unchecked((long)u);
                return true;
            }

            value = 0;
            return false;
        }

        return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a keyword mask such as <c>0x8020000000000000</c> (or its signed decimal form).</summary>
    public static bool TryParseMask(ReadOnlySpan<char> s, out ulong value)
    {
        s = s.Trim();
        if (s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        {
            return ulong.TryParse(s[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var signed))
        {
            value = unchecked((ulong)signed);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// Parses <c>yyyy-MM-dd[T ]HH:mm:ss[.fraction][Z|±hh:mm]</c>. Windows writes up to nine fraction digits
    /// (<c>2019-09-06T13:35:25.515625700Z</c>); digits past the tick resolution are dropped. A time without a
    /// zone is read in <paramref name="zone"/>.
    /// </summary>
    public static bool TryParseTime(ReadOnlySpan<char> s, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        s = s.Trim();
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day) ||
            !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        var i = 19;
        long ticks = 0;
        if (i < s.Length && (s[i] == '.' || s[i] == ','))
        {
            i++;
            var digits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (digits < 7)
                {
                    ticks = (ticks * 10) + (s[i] - '0');
                }

                digits++;
                i++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (var k = digits; k < 7; k++)
            {
                ticks *= 10;
            }
        }

        TimeSpan? offset = null;
        if (i < s.Length)
        {
            var rest = s[i..].Trim();
            if (rest.Length == 1 && (rest[0] == 'Z' || rest[0] == 'z'))
            {
                offset = TimeSpan.Zero;
            }
            else if (rest.Length >= 5 && (rest[0] == '+' || rest[0] == '-'))
            {
                var body = rest[1..];
                int oh, om;
                if (body.Length == 5 && body[2] == ':' && Digits(body[..2], out oh) && Digits(body[3..], out om))
                {
                }
                else if (body.Length == 4 && Digits(body[..2], out oh) && Digits(body[2..], out om))
                {
                }
                else
                {
                    return false;
                }

                if (oh > 14 || om > 59)
                {
                    return false;
                }

                var off = new TimeSpan(oh, om, 0);
                offset = rest[0] == '-' ? -off : off;
            }
            else
            {
                return false;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        if (offset is { } o)
        {
            var utcTicks = local.Ticks - o.Ticks;
            if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            value = new DateTimeOffset(new DateTime(utcTicks, DateTimeKind.Unspecified), TimeSpan.Zero);
            return true;
        }

        value = SyslogHeader.InZone(local, zone);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return s.Length > 0;
    }

    /// <summary>Decodes XML character data (the five named entities and numeric references) from UTF-8.</summary>
    public static string XmlText(ReadOnlySpan<byte> raw)
    {
        if (raw.IndexOf((byte)'&') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var sb = new StringBuilder(raw.Length);
        var start = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'&')
            {
                continue;
            }

            var semi = raw[i..].IndexOf((byte)';');
            if (semi < 2 || semi > 12)
            {
                continue;
            }

            var entity = raw.Slice(i + 1, semi - 1);
            int code;
            if (entity.SequenceEqual("amp"u8))
            {
                code = '&';
            }
            else if (entity.SequenceEqual("lt"u8))
            {
                code = '<';
            }
            else if (entity.SequenceEqual("gt"u8))
            {
                code = '>';
            }
            else if (entity.SequenceEqual("quot"u8))
            {
                code = '"';
            }
            else if (entity.SequenceEqual("apos"u8))
            {
                code = '\'';
            }
            else if (entity[0] == (byte)'#' && TryCharRef(entity[1..], out code))
            {
            }
            else
            {
                continue;
            }

            sb.Append(Encoding.UTF8.GetString(raw[start..i]));
            if (code <= 0xFFFF)
            {
                sb.Append((char)code);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(code));
            }

            i += semi;
            start = i + 1;
        }

        sb.Append(Encoding.UTF8.GetString(raw[start..]));
        return sb.ToString();
    }

    private static bool TryCharRef(ReadOnlySpan<byte> s, out int code)
    {
        code = 0;
        var hex = s.Length > 1 && (s[0] == (byte)'x' || s[0] == (byte)'X');
        if (hex)
        {
            s = s[1..];
        }

        if (s.IsEmpty)
        {
            return false;
        }

        foreach (var b in s)
        {
            int d;
            if (b >= '0' && b <= '9')
            {
                d = b - '0';
            }
            else if (hex && b >= 'a' && b <= 'f')
            {
                d = b - 'a' + 10;
            }
            else if (hex && b >= 'A' && b <= 'F')
            {
                d = b - 'A' + 10;
            }
            else
            {
                return false;
            }

            code = (code * (hex ? 16 : 10)) + d;
            if (code > 0x10FFFF)
            {
                return false;
            }
        }

        // Surrogates and NUL are not characters XML can carry.
        return code > 0 && (code < 0xD800 || code > 0xDFFF);
    }

    /// <summary>The last path segment after a backslash (or slash), as Elastic derives process names.</summary>
    public static string? BaseName(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var i = path.LastIndexOf('\\');
        if (i < 0)
        {
            i = path.LastIndexOf('/');
        }

        var name = i < 0 ? path : path[(i + 1)..];
        return name.Length == 0 ? null : name;
    }
}

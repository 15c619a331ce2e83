using System.Buffers.Text;
using System.Text;
using Logfold.Processing.Parse.Common;

namespace Logfold.Processing.Parse.PaloAlto;

/// <summary>
/// A split PAN-OS record: column ranges over one UTF-8 buffer (the raw line for CSV, a decoded scratch buffer for
/// CEF and LEEF). Columns are decoded to strings only when a mapper asks for them.
/// </summary>
internal readonly ref struct PanRecord
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly ReadOnlySpan<Range> _columns;
    private readonly ReadOnlySpan<byte> _flags;

    /// <summary>Set on a column whose quoted text holds doubled quotes.</summary>
    public const byte DoubledQuotes = 1;

    public PanRecord(ReadOnlySpan<byte> data, ReadOnlySpan<Range> columns, ReadOnlySpan<byte> flags, bool trim = false)
    {
        _data = data;
        _columns = columns;
        _flags = flags;
        Trim = trim;
    }

    /// <summary>How many columns there are.</summary>
    public int Count => _columns.Length;

    /// <summary>When true, columns are trimmed of spaces (PAN-OS SYSTEM logs pad some columns).</summary>
    public bool Trim { get; }

    /// <summary>The raw bytes of a column (empty when out of range).</summary>
    public ReadOnlySpan<byte> Raw(int i)
    {
        if ((uint)i >= (uint)_columns.Length)
        {
            return default;
        }

        var s = _data[_columns[i]];
        return Trim ? s.Trim((byte)' ') : s;
    }

    /// <summary>True when the column exists and is not empty.</summary>
    public bool Has(int i) => !Raw(i).IsEmpty;

    /// <summary>True when the column equals <paramref name="value"/>.</summary>
    public bool Is(int i, ReadOnlySpan<byte> value) => Raw(i).SequenceEqual(value);

    /// <summary>The column as a string, or null when empty. Common short values come from a cache.</summary>
    public string? Str(int i)
    {
        var raw = Raw(i);
        if (raw.IsEmpty)
        {
            return null;
        }

        if (PanStrings.TryGet(raw) is { } cached)
        {
            return cached;
        }

        var text = Encoding.UTF8.GetString(raw);
        return (uint)i < (uint)_flags.Length && (_flags[i] & DoubledQuotes) != 0
            ? text.Replace("\"\"", "\"", StringComparison.Ordinal)
            : text;
    }

    /// <summary>The column as an integer.</summary>
    public bool TryLong(int i, out long value)
    {
        var raw = Raw(i);
        value = 0;
        return !raw.IsEmpty && Utf8Parser.TryParse(raw, out value, out var used) && used == raw.Length;
    }

    /// <summary>The column as a hexadecimal <c>0x...</c> or decimal integer.</summary>
    public bool TryFlags(int i, out long value)
    {
        var raw = Raw(i);
        value = 0;
        if (raw.Length > 2 && raw[0] == (byte)'0' && (raw[1] | 0x20) == (byte)'x')
        {
            if (Utf8Parser.TryParse(raw[2..], out ulong v, out var used, 'x') && used == raw.Length - 2)
            {
                value = unchecked((long)v);
                return true;
            }

            return false;
        }

        return TryLong(i, out value);
    }

    /// <summary>The column as a PAN-OS time (<c>yyyy/MM/dd HH:mm:ss</c> or ISO 8601), read in <paramref name="zone"/> when it has none.</summary>
    public bool TryTime(int i, TimeZoneInfo zone, out DateTimeOffset value) => PanTime.TryParse(Raw(i), zone, out value);
}

/// <summary>PAN-OS time formats.</summary>
internal static class PanTime
{
    /// <summary>Parses <c>yyyy/MM/dd HH:mm:ss</c> (in <paramref name="zone"/>) or an ISO 8601 time.</summary>
    public static bool TryParse(ReadOnlySpan<byte> s, TimeZoneInfo zone, out DateTimeOffset value)
    {
        value = default;
        if (s.Length == 19 && s[4] == (byte)'/' && s[7] == (byte)'/' && s[10] == (byte)' ' && s[13] == (byte)':' && s[16] == (byte)':')
        {
            if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) ||
                !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second) ||
                year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 ||
                minute > 59 || second > 59)
            {
                return false;
            }

            value = SyslogHeader.InZone(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified), zone);
            return true;
        }

        if (s.Length >= 19 && s[4] == (byte)'-')
        {
            return SyslogHeader.TryParseIso(s, zone, out value, out _);
        }

        return false;
    }

    /// <summary>
    /// The length of the PAN-OS time at the start of <paramref name="s"/> (<c>yyyy/MM/dd HH:mm:ss</c>, or an ISO 8601
    /// time such as <c>2021-10-22T16:10:10.000000Z</c> as Panorama and cloud log forwarding write), or 0.
    /// </summary>
    public static int TimeLength(ReadOnlySpan<byte> s)
    {
        if (LooksLikePanTime(s))
        {
            return 19;
        }

        if (s.Length >= 19 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]) && s[4] == (byte)'-' &&
            IsDigit(s[5]) && IsDigit(s[6]) && s[7] == (byte)'-' && IsDigit(s[8]) && IsDigit(s[9]) && s[10] == (byte)'T' &&
            IsDigit(s[11]) && IsDigit(s[12]) && s[13] == (byte)':')
        {
            var end = s[..Math.Min(s.Length, 40)].IndexOfAny((byte)',', (byte)' ');
            return end < 0 ? (s.Length <= 40 ? s.Length : 0) : end;
        }

        return 0;
    }

    /// <summary>True when <paramref name="s"/> starts with <c>yyyy/MM/dd HH:mm:ss</c>.</summary>
    public static bool LooksLikePanTime(ReadOnlySpan<byte> s) =>
        s.Length >= 19 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]) && s[4] == (byte)'/' &&
        IsDigit(s[5]) && IsDigit(s[6]) && s[7] == (byte)'/' && IsDigit(s[8]) && IsDigit(s[9]) && s[10] == (byte)' ' &&
        IsDigit(s[11]) && IsDigit(s[12]) && s[13] == (byte)':' && IsDigit(s[14]) && IsDigit(s[15]) && s[16] == (byte)':' &&
        IsDigit(s[17]) && IsDigit(s[18]);

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        for (var k = start; k < start + count; k++)
        {
            if (!IsDigit(s[k]))
            {
                return false;
            }

            value = value * 10 + (s[k] - '0');
        }

        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}

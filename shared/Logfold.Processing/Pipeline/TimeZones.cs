namespace Logfold.Processing.Pipeline;

/// <summary>Parses the time zone names Logfold accepts in config and on the command line.</summary>
public static class TimeZones
{
    /// <summary>
    /// Parses an IANA id (<c>Europe/Berlin</c>), a fixed offset (<c>+09:30</c>, <c>-0400</c>, <c>+2</c>),
    /// <c>UTC</c>, or <c>GMT+2</c> / <c>UTC-5</c>. Returns null when it is none of these.
    /// </summary>
    public static TimeZoneInfo? Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var n = name.Trim();
        if (n is "UTC" or "Z" or "GMT" or "Etc/UTC" or "utc")
        {
            return TimeZoneInfo.Utc;
        }

        if (n.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || n.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            n = n[3..];
        }

        if (n.Length > 1 && n[0] is '+' or '-')
        {
            var sign = n[0] == '-' ? -1 : 1;
            var digits = n[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            int hours;
            var minutes = 0;
            var ok = digits.Length switch
            {
                1 or 2 => int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out hours),
                3 or 4 => int.TryParse(digits[..^2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out hours) &&
                          int.TryParse(digits[^2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out minutes),
                _ => (hours = 0) != 0,
            };
            if (!ok || hours > 14 || minutes > 59)
            {
                return null;
            }

            var offset = new TimeSpan(hours, minutes, 0) * sign;
            var id = (sign < 0 ? "-" : "+") + offset.ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture);
            return offset == TimeSpan.Zero ? TimeZoneInfo.Utc : TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(n);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}

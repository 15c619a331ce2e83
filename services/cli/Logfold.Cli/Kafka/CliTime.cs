using System.Globalization;

namespace Logfold.Cli.Kafka;

/// <summary>
/// Parses the operating commands' times: ISO 8601 (<c>2026-12-03T10:00:00Z</c>; no offset means UTC) or a
/// duration back from now (<c>90s</c>, <c>15m</c>, <c>6h</c>, <c>7d</c>).
/// </summary>
internal static class CliTime
{
    public static DateTimeOffset Parse(string value, string option, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(clock);
        if (value.Length >= 2 && char.IsAsciiDigit(value[0]) && value[^1] is 's' or 'm' or 'h' or 'd'
            && long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount <= 36_500L * 24 * 3600)
        {
            var span = value[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return clock.GetUtcNow() - span;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && time.Year >= 1970)
        {
            return time;
        }

        throw new CliUsageException($"{option} '{value}' is not an ISO 8601 time (2026-12-03T10:00:00Z) or a duration ago (15m, 6h, 7d).");
    }

    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

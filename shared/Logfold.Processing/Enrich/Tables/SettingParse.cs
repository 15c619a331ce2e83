using System.Globalization;

namespace Logfold.Processing.Enrich.Tables;

/// <summary>Reads the string <c>Settings</c> of an enricher entry: lists, bounded integers and enums.</summary>
internal static class SettingParse
{
    /// <summary>A comma-, semicolon- or space-separated list; null when the setting is absent.</summary>
    public static List<string>? List(EnricherOptions options, string key)
    {
        var text = options.Setting(key);
        return text is null ? null : [.. text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>]; the default when absent; null when invalid.</summary>
    public static int? Int(EnricherOptions options, string key, int defaultValue, int min, int max)
    {
        var text = options.Setting(key);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;
    }

    /// <summary>A problem message when <see cref="Int"/> fails, else nothing.</summary>
    public static IEnumerable<string> CheckInt(EnricherOptions options, string key, int min, int max)
    {
        if (Int(options, key, min, min, max) is null)
        {
            yield return $"Settings:{key} must be a whole number from {min} to {max}.";
        }
    }

    /// <summary>A problem message when a boolean setting is not true or false.</summary>
    public static IEnumerable<string> CheckBool(EnricherOptions options, string key)
    {
        if (EnrichSupport.BoolSetting(options, key, false) is null)
        {
            yield return $"Settings:{key} must be true or false.";
        }
    }

    /// <summary>Problems for list items outside <paramref name="allowed"/>.</summary>
    public static IEnumerable<string> CheckList(EnricherOptions options, string key, params string[] allowed)
    {
        foreach (var item in List(options, key) ?? [])
        {
            if (Array.IndexOf(allowed, item) < 0)
            {
                yield return $"Settings:{key}: '{item}' is not one of {string.Join(", ", allowed)}.";
            }
        }
    }

    /// <summary>Problems for list items that are not dotted field names.</summary>
    public static IEnumerable<string> CheckFields(EnricherOptions options, string key)
    {
        foreach (var item in List(options, key) ?? [])
        {
            if (item[0] == '.' || item[^1] == '.' || item.Contains("..", StringComparison.Ordinal))
            {
                yield return $"Settings:{key}: '{item}' is not a dotted field name.";
            }
        }
    }
}

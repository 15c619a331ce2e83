using System.Globalization;
using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich;

/// <summary>Small helpers the built-in enrichers share: reading IP, number and string fields, and settings checks.</summary>
internal static class EnrichSupport
{
    /// <summary>The string form of a field: a string, the first item of an array (<c>host.ip</c>), or null.</summary>
    public static string? FirstString(EcsDocument doc, FieldPath path)
    {
        if (!doc.TryGet(path, out var value))
        {
            return null;
        }

        return value.Kind switch
        {
            FieldKind.String => value.String,
            FieldKind.StringArray => value.Array is { Count: > 0 } list ? list[0] : null,
            _ => null,
        };
    }

    /// <summary>An integer field given as a number or as decimal text, or null.</summary>
    public static long? ReadLong(EcsDocument doc, FieldPath path)
    {
        if (!doc.TryGet(path, out var value))
        {
            return null;
        }

        return value.Kind switch
        {
            FieldKind.Long => value.Long,
            FieldKind.Double when value.Double is >= long.MinValue and <= long.MaxValue && Math.Floor(value.Double) == value.Double => (long)value.Double,
            FieldKind.String when long.TryParse(value.String, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>Problems for settings keys the type does not know.</summary>
    public static IEnumerable<string> UnknownSettings(EnricherOptions options, params string[] known)
    {
        foreach (var key in options.Settings.Keys)
        {
            if (Array.FindIndex(known, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) < 0)
            {
                yield return known.Length == 0
                    ? $"Settings:{key} is not a setting of type '{options.Type}' (it has none)."
                    : $"Settings:{key} is not a setting of type '{options.Type}'; known: {string.Join(", ", known)}.";
            }
        }
    }

    /// <summary>A boolean setting (default when absent); null result means the value is not a boolean.</summary>
    public static bool? BoolSetting(EnricherOptions options, string key, bool defaultValue)
    {
        var text = options.Setting(key);
        return text is null ? defaultValue : bool.TryParse(text, out var b) ? b : null;
    }

    /// <summary>The single data path of a type that reads one file, or a problem.</summary>
    public static IEnumerable<string> RequireSinglePath(EnricherOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            yield return "Path is required (the data file).";
        }

        if (options.Paths.Count > 0)
        {
            yield return "Paths is not used by this type; give one file in Path.";
        }
    }
}

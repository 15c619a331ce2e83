using Logfold.Processing.Pipeline;

namespace Logfold.Testing.Conformance;

/// <summary>
/// The settings of one corpus case, read from <c>&lt;case&gt;.config.yml</c>: the timezone the case assumed
/// (<c>_conf.tz_offset</c> or <c>event.timezone</c>), the fields the test harness injected (<c>fields:</c>) and
/// the <c>dynamic_fields</c> that must not be compared. The files may concatenate several YAML documents, so
/// they are read by indentation rather than with a YAML parser.
/// </summary>
public sealed class CaseConfig
{
    /// <summary>The zone for times without one (UTC when the case names none).</summary>
    public TimeZoneInfo TimeZone { get; private init; } = TimeZoneInfo.Utc;

    /// <summary>Dotted names injected by the harness or declared dynamic: never compared.</summary>
    public IReadOnlySet<string> SkippedFields { get; private init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// The values the config injects (such as a simulated shipper <c>@timestamp</c>). A pipeline may copy them
    /// into other fields (Elastic copies the injected <c>@timestamp</c> into <c>event.created</c>); such copies
    /// are the shipper's data, not the normalizer's, so they are not graded.
    /// </summary>
    public IReadOnlySet<string> InjectedValues { get; private init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>A config with nothing set: UTC, nothing skipped.</summary>
    public static CaseConfig Empty { get; } = new();

    /// <summary>Reads the config beside a case, or returns <see cref="Empty"/>.</summary>
    public static CaseConfig Load(string logPath)
    {
        var path = Path.ChangeExtension(logPath, null) + ".config.yml";
        return File.Exists(path) ? Parse(File.ReadAllLines(path)) : Empty;
    }

    /// <summary>Parses the lines of a config file.</summary>
    public static CaseConfig Parse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var injected = new HashSet<string>(StringComparer.Ordinal);
        string? tz = null;
        string? section = null;
        var stack = new List<(int Indent, string Key)>();
        foreach (var rawLine in lines)
        {
            var line = rawLine.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            var text = line.Trim();
            if (indent == 0)
            {
                section = text.EndsWith(':') ? text[..^1] : null;
                stack.Clear();
                continue;
            }

            if (section is not ("fields" or "dynamic_fields") || text.StartsWith('-'))
            {
                continue;
            }

            var colon = FindKeyColon(text);
            if (colon <= 0)
            {
                continue;
            }

            var key = Unquote(text[..colon].Trim());
            var value = Unquote(text[(colon + 1)..].Trim());
            while (stack.Count > 0 && stack[^1].Indent >= indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            var dotted = stack.Count == 0 ? key : string.Join('.', stack.Select(s => s.Key)) + "." + key;
            if (value.Length == 0)
            {
                stack.Add((indent, key));
                if (section == "fields")
                {
                    continue;
                }
            }

            if (section == "fields" && dotted is "_conf.tz_offset" or "event.timezone")
            {
                tz = value;
            }

            skipped.Add(dotted);
            if (section == "fields" && value.Length > 0)
            {
                injected.Add(value);
            }
        }

        return new CaseConfig { TimeZone = ParseZone(tz) ?? TimeZoneInfo.Utc, SkippedFields = skipped, InjectedValues = injected };
    }

    /// <summary>Parses a zone name (see <see cref="TimeZones.Parse"/>).</summary>
    public static TimeZoneInfo? ParseZone(string? name) => TimeZones.Parse(name);

    private static int FindKeyColon(string text)
    {
        var inQuote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuote != '\0')
            {
                if (c == inQuote)
                {
                    inQuote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                inQuote = c;
            }
            else if (c == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && ((s[0] == '"' && s[^1] == '"') || (s[0] == '\'' && s[^1] == '\'')) ? s[1..^1] : s;

}

using System.Globalization;
using System.Text;

namespace Logfold.Testing.Conformance;

/// <summary>Detection accuracy and field agreement per source type, from one run over a corpus.</summary>
public sealed class ConformanceReport
{
    /// <summary>Results per corpus source folder, by name.</summary>
    public SortedDictionary<string, SourceStats> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Corpus files that were not graded because they are not log text (see the runner).</summary>
    public List<ExcludedFile> Excluded { get; } = [];

    /// <summary>The stats for a source folder, created on first use.</summary>
    public SourceStats For(string source)
    {
        if (!Sources.TryGetValue(source, out var stats))
        {
            stats = new SourceStats(source);
            Sources[source] = stats;
        }

        return stats;
    }

    /// <summary>Renders the report as Markdown.</summary>
    public string ToMarkdown(IReadOnlySet<string> coreSources, int mismatchesPerSource = 15)
    {
        ArgumentNullException.ThrowIfNull(coreSources);
        var sb = new StringBuilder();
        sb.AppendLine("| source | events | detected as label | detection | ECS core fields (agree/total) | core agreement | other ECS | vendor namespace |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in Sources.Values)
        {
            var core = coreSources.Contains(s.Source) ? " (core)" : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"| {s.Source}{core} | {s.Events} | {s.Correct} | {Pct(s.Correct, s.Events)} | ")
              .Append(CultureInfo.InvariantCulture, $"{s.Primary.Agree}/{s.Primary.Total} | {Pct(s.Primary.Agree, s.Primary.Total)} | ")
              .Append(CultureInfo.InvariantCulture, $"{Pct(s.OtherEcs.Agree, s.OtherEcs.Total)} | {Pct(s.Vendor.Agree, s.Vendor.Total)} |")
              .AppendLine();
        }

        if (Excluded.Count > 0)
        {
            sb.AppendLine().AppendLine("Not graded (not log text):").AppendLine();
            foreach (var x in Excluded)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- `{x.Source}/{x.File}`: {x.Reason}").AppendLine();
            }
        }

        foreach (var s in Sources.Values)
        {
            if (s.Confusions.Count == 0 && s.FieldMisses.Count == 0)
            {
                continue;
            }

            sb.AppendLine().Append("### ").AppendLine(s.Source);
            if (s.Confusions.Count > 0)
            {
                sb.Append("Detected as: ");
                sb.AppendJoin(", ", s.Confusions.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} ×{kv.Value}"));
                sb.AppendLine().AppendLine();
            }

            if (s.FieldMisses.Count > 0)
            {
                sb.AppendLine("| ECS core field | disagreements | example (expected → actual) |").AppendLine("|---|---:|---|");
                foreach (var (field, miss) in s.FieldMisses.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(mismatchesPerSource))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"| `{field}` | {miss.Count} | ").Append(Escape(miss.Example)).AppendLine(" |");
                }
            }
        }

        return sb.ToString();
    }

    private static string Escape(string s)
    {
        var t = s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        return t.Length > 140 ? t[..140] + "…" : t;
    }

    private static string Pct(int part, int total) =>
        total == 0 ? "–" : (100.0 * part / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

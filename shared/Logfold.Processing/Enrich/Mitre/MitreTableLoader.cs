using Logfold.Processing.Enrich.Tables;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Logfold.Processing.Enrich.Mitre;

/// <summary>
/// Reads a MITRE mapping table from YAML (a <c>mappings</c> list) or CSV
/// (<c>source,event_code,event_action,technique,name,tactics</c> with tactics separated by <c>;</c>). Every entry
/// names a <c>source</c> (or <c>*</c>), exactly one of <c>event_code</c>/<c>event_action</c>, a <c>technique</c>
/// id, its <c>name</c>, and one or more <c>tactics</c> ids. Errors name the file and the line.
/// </summary>
internal static class MitreTableLoader
{
    /// <summary>The largest table file accepted.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    private static readonly string[] Keys = ["source", "event_code", "event_action", "technique", "name", "tactics"];

    public static MitreTable Load(string path)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxFileBytes)
        {
            throw new EnrichmentDataException($"{path}: {info.Length} bytes is over the {MaxFileBytes}-byte limit for a MITRE table.");
        }

        var builder = new Builder(path);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            LoadCsv(path, builder);
        }
        else
        {
            LoadYaml(path, builder);
        }

        return builder.Build();
    }

    private static void LoadYaml(string path, Builder builder)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new EnrichmentDataException($"{path}: line {ex.Start.Line}: {ex.Message}", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root ||
            !root.Children.TryGetValue(new YamlScalarNode("mappings"), out var list) || list is not YamlSequenceNode items)
        {
            throw new EnrichmentDataException($"{path}: expected a top-level 'mappings:' list.");
        }

        foreach (var node in items)
        {
            var line = node.Start.Line;
            if (node is not YamlMappingNode entry)
            {
                throw new EnrichmentDataException($"{path}: line {line}: each mapping must be a map of source, event_code or event_action, technique, name, tactics.");
            }

            string? source = null, code = null, action = null, technique = null, name = null;
            var tactics = new List<string>();
            foreach (var (keyNode, valueNode) in entry.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                switch (key)
                {
                    case "source":
                        source = Scalar(valueNode);
                        break;
                    case "event_code":
                        code = Scalar(valueNode);
                        break;
                    case "event_action":
                        action = Scalar(valueNode);
                        break;
                    case "technique":
                        technique = Scalar(valueNode);
                        break;
                    case "name":
                        name = Scalar(valueNode);
                        break;
                    case "tactics":
                        if (valueNode is YamlSequenceNode seq)
                        {
                            foreach (var t in seq)
                            {
                                tactics.Add(Scalar(t) ?? string.Empty);
                            }
                        }
                        else if (Scalar(valueNode) is { } single)
                        {
                            tactics.AddRange(single.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                        }

                        break;
                    default:
                        throw new EnrichmentDataException($"{path}: line {keyNode.Start.Line}: unknown key '{key}'; known: {string.Join(", ", Keys)}.");
                }
            }

            builder.Add(line, source, code, action, technique, name, tactics);
        }
    }

    private static void LoadCsv(string path, Builder builder)
    {
        var reader = new CsvReader(DataFile.ReadText(path), path, allowComments: true);
        var cols = new List<string>();
        var first = true;
        while (reader.TryReadRow(cols, out var lineNumber))
        {
            if (first && string.Equals(cols[0], "source", StringComparison.OrdinalIgnoreCase))
            {
                first = false;
                continue;
            }

            first = false;
            if (cols.Count != 6)
            {
                throw new EnrichmentDataException($"{path}: line {lineNumber}: expected 6 columns: source,event_code,event_action,technique,name,tactics.");
            }

            builder.Add(lineNumber, cols[0], Blank(cols[1]), Blank(cols[2]), cols[3], cols[4],
                [.. cols[5].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
        }
    }

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    private static string? Scalar(YamlNode node) => node is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value) ? s.Value.Trim() : null;

    private sealed class Builder(string path)
    {
        private readonly Dictionary<string, Dictionary<string, List<MitreTechnique>>> _byCode = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, List<MitreTechnique>>> _byAction = new(StringComparer.Ordinal);
        private int _count;

        public void Add(long line, string? source, string? code, string? action, string? technique, string? name, List<string> tactics)
        {
            if (source is null)
            {
                throw new EnrichmentDataException($"{path}: line {line}: 'source' is required (a source type such as windows_event, or *).");
            }

            if ((code is null) == (action is null))
            {
                throw new EnrichmentDataException($"{path}: line {line}: give exactly one of 'event_code' and 'event_action'.");
            }

            if (technique is null || name is null)
            {
                throw new EnrichmentDataException($"{path}: line {line}: 'technique' and 'name' are required.");
            }

            if (tactics.Count == 0)
            {
                throw new EnrichmentDataException($"{path}: line {line}: 'tactics' needs at least one tactic id (e.g. TA0005).");
            }

            var resolved = new MitreTactic[tactics.Count];
            for (var i = 0; i < tactics.Count; i++)
            {
                resolved[i] = MitreTactic.Enterprise(tactics[i])
                    ?? throw new EnrichmentDataException($"{path}: line {line}: '{tactics[i]}' is not an Enterprise ATT&CK tactic id; known: {MitreTactic.KnownIds}.");
            }

            MitreTechnique entry;
            try
            {
                entry = MitreTechnique.Create(technique, name, resolved);
            }
            catch (FormatException ex)
            {
                throw new EnrichmentDataException($"{path}: line {line}: {ex.Message}", ex);
            }

            var map = code is not null ? _byCode : _byAction;
            if (!map.TryGetValue(source, out var bySource))
            {
                map[source] = bySource = new Dictionary<string, List<MitreTechnique>>(StringComparer.Ordinal);
            }

            var key = code ?? action!;
            if (!bySource.TryGetValue(key, out var list))
            {
                bySource[key] = list = [];
            }

            list.Add(entry);
            _count++;
        }

        public MitreTable Build()
        {
            if (_count == 0)
            {
                throw new EnrichmentDataException($"{path}: the table has no mappings.");
            }

            return new MitreTable(Freeze(_byCode), Freeze(_byAction), _count);
        }

        private static Dictionary<string, Dictionary<string, MitreTechnique[]>> Freeze(Dictionary<string, Dictionary<string, List<MitreTechnique>>> map)
        {
            var result = new Dictionary<string, Dictionary<string, MitreTechnique[]>>(StringComparer.Ordinal);
            foreach (var (source, byKey) in map)
            {
                var frozen = new Dictionary<string, MitreTechnique[]>(StringComparer.Ordinal);
                foreach (var (key, list) in byKey)
                {
                    frozen[key] = [.. list];
                }

                result[source] = frozen;
            }

            return result;
        }
    }
}

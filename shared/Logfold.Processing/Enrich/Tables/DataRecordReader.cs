using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Logfold.Processing.Enrich.Tables;

/// <summary>
/// Reads asset and user files into <see cref="DataRecord"/>s: CSV with a header row, or YAML (a list of
/// mappings at the root or under one root key). YAML values may be scalars or lists of scalars. Names
/// outside <c>allowed</c> are errors in YAML (hand-written files: a typo must not pass silently); extra CSV
/// columns are ignored (exports often carry more than we use).
/// </summary>
internal static class DataRecordReader
{
    /// <summary>Reads <paramref name="path"/>; <c>.yaml</c>/<c>.yml</c> are YAML, anything else CSV.</summary>
    public static List<DataRecord> Read(string path, string rootKey, IReadOnlySet<string> allowed)
    {
        var text = DataFile.ReadText(path);
        return path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            ? ReadYaml(path, text, rootKey, allowed)
            : ReadCsv(path, text);
    }

    private static List<DataRecord> ReadCsv(string path, string text)
    {
        var records = new List<DataRecord>();
        var reader = new CsvReader(text, path, allowComments: true);
        var row = new List<string>();
        if (!reader.TryReadRow(row, out var headerLine))
        {
            return records;
        }

        var header = new List<string>(row);
        _ = new CsvHeader(header, path, headerLine);
        while (reader.TryReadRow(row, out var line))
        {
            if (row.Count > header.Count)
            {
                throw DataFile.Error(path, line, $"the row has {row.Count} fields but the header has {header.Count}.");
            }

            var record = new DataRecord(path, line);
            for (var i = 0; i < row.Count; i++)
            {
                record.Add(header[i].Trim().ToLowerInvariant(), row[i]);
            }

            records.Add(record);
        }

        return records;
    }

    private static List<DataRecord> ReadYaml(string path, string text, string rootKey, IReadOnlySet<string> allowed)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw DataFile.Error(path, (int)ex.Start.Line, "not valid YAML: " + ex.Message);
        }

        var records = new List<DataRecord>();
        if (stream.Documents.Count == 0)
        {
            return records;
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode map)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(rootKey), out var inner))
            {
                throw DataFile.Error(path, (int)root.Start.Line, $"expected a list of entries, or a '{rootKey}:' key holding one.");
            }

            root = inner;
        }

        if (root is YamlScalarNode { Value: null or "" })
        {
            return records;
        }

        if (root is not YamlSequenceNode sequence)
        {
            throw DataFile.Error(path, (int)root.Start.Line, "expected a list of entries.");
        }

        foreach (var item in sequence.Children)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode entry)
            {
                throw DataFile.Error(path, line, "each entry must be a mapping of names to values.");
            }

            var record = new DataRecord(path, line);
            foreach (var (keyNode, valueNode) in entry.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
                if (!allowed.Contains(key))
                {
                    throw DataFile.Error(path, (int)keyNode.Start.Line, $"unknown key '{key}' (allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}).");
                }

                switch (valueNode)
                {
                    case YamlScalarNode scalar:
                        record.Add(key, scalar.Value);
                        break;
                    case YamlSequenceNode list:
                        foreach (var element in list.Children)
                        {
                            if (element is not YamlScalarNode elementScalar)
                            {
                                throw DataFile.Error(path, (int)element.Start.Line, $"'{key}' may hold only plain values.");
                            }

                            record.Add(key, elementScalar.Value);
                        }

                        break;
                    default:
                        throw DataFile.Error(path, (int)valueNode.Start.Line, $"'{key}' must be a value or a list of values.");
                }
            }

            records.Add(record);
        }

        return records;
    }
}

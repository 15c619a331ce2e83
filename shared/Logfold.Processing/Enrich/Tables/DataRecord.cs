namespace Logfold.Processing.Enrich.Tables;

/// <summary>
/// One entry of an asset or user file, whichever format it came in: field names (lower-case) to one or
/// more values, plus the line it starts on for error messages.
/// </summary>
internal sealed class DataRecord
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an empty record at <paramref name="line"/> of <paramref name="path"/>.</summary>
    public DataRecord(string path, int line)
    {
        Path = path;
        Line = line;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The line the record starts on.</summary>
    public int Line { get; }

    /// <summary>The field names present.</summary>
    public IEnumerable<string> Names => _fields.Keys;

    /// <summary>Adds a value (empty values are ignored).</summary>
    public void Add(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!_fields.TryGetValue(name, out var list))
        {
            list = [];
            _fields[name] = list;
        }

        list.Add(value.Trim());
    }

    /// <summary>The first value of the first of <paramref name="names"/> present, or null.</summary>
    public string? Get(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (_fields.TryGetValue(name, out var list) && list.Count > 0)
            {
                return list[0];
            }
        }

        return null;
    }

    /// <summary>Every value of every one of <paramref name="names"/>.</summary>
    public List<string> All(params ReadOnlySpan<string> names)
    {
        var all = new List<string>();
        foreach (var name in names)
        {
            if (_fields.TryGetValue(name, out var list))
            {
                all.AddRange(list);
            }
        }

        return all;
    }

    /// <summary>A yes/no value (true/false, yes/no, y/n, 1/0); null when absent.</summary>
    public bool? GetBool(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }

        return value.ToLowerInvariant() switch
        {
            "true" or "yes" or "y" or "1" => true,
            "false" or "no" or "n" or "0" => false,
            _ => throw Error($"'{name}' must be true or false, not '{value}'."),
        };
    }

    /// <summary>An error at this record's line.</summary>
    public EnrichmentDataException Error(string message) => DataFile.Error(Path, Line, message);
}

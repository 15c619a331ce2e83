namespace Logfold.Processing.Enrich.Tables;

/// <summary>Column positions by header name (case-insensitive); -1 when a column is absent.</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indexes a header row.</summary>
    public CsvHeader(List<string> header, string path, int line)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length > 0 && !_columns.TryAdd(header[i], i))
            {
                throw DataFile.Error(path, line, $"the column '{header[i]}' appears twice in the header.");
            }
        }
    }

    /// <summary>The column's index, or -1.</summary>
    public int IndexOf(string? name) => name is not null && _columns.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The names in the header.</summary>
    public IEnumerable<string> Names => _columns.Keys;

    /// <summary>The trimmed value at <paramref name="index"/>, or null when absent or empty.</summary>
    public static string? Get(List<string> row, int index) =>
        index >= 0 && index < row.Count && row[index].Length > 0 ? row[index] : null;
}

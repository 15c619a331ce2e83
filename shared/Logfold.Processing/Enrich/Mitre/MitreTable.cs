namespace Logfold.Processing.Enrich.Mitre;

/// <summary>
/// Mappings keyed by source type and <c>event.code</c> (or <c>event.action</c>); source <c>*</c> matches every
/// source. Immutable once built.
/// </summary>
internal sealed class MitreTable
{
    private readonly Dictionary<string, Dictionary<string, MitreTechnique[]>> _byCode;
    private readonly Dictionary<string, Dictionary<string, MitreTechnique[]>> _byAction;

    public MitreTable(
        Dictionary<string, Dictionary<string, MitreTechnique[]>> byCode,
        Dictionary<string, Dictionary<string, MitreTechnique[]>> byAction,
        int count)
    {
        _byCode = byCode;
        _byAction = byAction;
        Count = count;
    }

    /// <summary>How many mappings the table holds.</summary>
    public int Count { get; }

    /// <summary>True when the table keys anything on <c>event.action</c>.</summary>
    public bool UsesActions => _byAction.Count > 0;

    /// <summary>The techniques for an event, or null.</summary>
    public MitreTechnique[]? Find(string? source, string? code, string? action) =>
        Lookup(_byCode, source, code) ?? Lookup(_byAction, source, action);

    private static MitreTechnique[]? Lookup(Dictionary<string, Dictionary<string, MitreTechnique[]>> map, string? source, string? key)
    {
        if (key is null || map.Count == 0)
        {
            return null;
        }

        if (source is not null && map.TryGetValue(source, out var bySource) && bySource.TryGetValue(key, out var found))
        {
            return found;
        }

        return map.TryGetValue("*", out var any) && any.TryGetValue(key, out found) ? found : null;
    }
}

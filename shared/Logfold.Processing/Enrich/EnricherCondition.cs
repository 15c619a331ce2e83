using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich;

/// <summary>A compiled <see cref="EnricherConditionOptions"/>: source types and field paths resolved once.</summary>
internal sealed class EnricherCondition
{
    private readonly string[] _sources;
    private readonly FieldPath[] _fields;

    /// <summary>A condition that always holds.</summary>
    public static EnricherCondition Always { get; } = new([], []);

    public EnricherCondition(string[] sources, FieldPath[] fields)
    {
        _sources = sources;
        _fields = fields;
    }

    /// <summary>Compiles the options (field names become interned paths).</summary>
    public static EnricherCondition From(EnricherConditionOptions? options)
    {
        if (options is null || (options.Source.Count == 0 && options.FieldPresent.Count == 0))
        {
            return Always;
        }

        var fields = new FieldPath[options.FieldPresent.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = FieldPath.Of(options.FieldPresent[i].Trim());
        }

        var sources = new string[options.Source.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = options.Source[i].Trim();
        }

        return new EnricherCondition(sources, fields);
    }

    /// <summary>True when the enricher should run on <paramref name="doc"/>.</summary>
    public bool Matches(EcsDocument doc)
    {
        if (_sources.Length > 0)
        {
            var source = doc.GetString(Ecs.LogfoldSource);
            if (source is null || Array.IndexOf(_sources, source) < 0)
            {
                return false;
            }
        }

        if (_fields.Length == 0)
        {
            return true;
        }

        foreach (var field in _fields)
        {
            if (doc.HasAny(field))
            {
                return true;
            }
        }

        return false;
    }
}

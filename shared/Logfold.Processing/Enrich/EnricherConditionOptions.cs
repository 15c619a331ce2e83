namespace Logfold.Processing.Enrich;

/// <summary>When an enricher runs (<c>When</c> under an enricher). Empty lists mean no restriction.</summary>
public sealed class EnricherConditionOptions
{
    /// <summary>Run only for events whose <c>logfold.source</c> is one of these source types.</summary>
    public List<string> Source { get; set; } = [];

    /// <summary>Run only for events where at least one of these ECS fields (or a field below it) is present.</summary>
    public List<string> FieldPresent { get; set; } = [];
}

namespace Logfold.Enricher;

/// <summary>
/// The enricher service's own settings (config section <c>Logfold:Enricher</c>). Named apart from
/// <see cref="Logfold.Processing.Enrich.EnricherOptions"/> (one chain entry), which the configuration binder generator
/// cannot tell from a type of the same simple name.
/// </summary>
public sealed class EnricherServiceOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Logfold:Enricher";

    /// <summary>Map <c>POST /admin/reload</c> and <c>GET /admin/sources</c> (default true). Keep the port off public networks.</summary>
    public bool AdminEndpoints { get; set; } = true;
}

namespace Logfold.Processing.Enrich.Mitre;

/// <summary>
/// Creates <c>mitre</c> enrichers from <c>Path</c> (a YAML or CSV table; Logfold ships
/// <c>config/enrichment/mitre.yaml</c>). Setting: <c>Overwrite</c> (default false).
/// </summary>
internal sealed class MitreEnricherFactory : IEnricherFactory
{
    public string Type => "mitre";

    public IEnumerable<string> Validate(EnricherOptions options)
    {
        foreach (var problem in EnrichSupport.UnknownSettings(options, "Overwrite"))
        {
            yield return problem;
        }

        foreach (var problem in EnrichSupport.RequireSinglePath(options))
        {
            yield return problem;
        }

        if (EnrichSupport.BoolSetting(options, "Overwrite", false) is null)
        {
            yield return "Settings:Overwrite must be true or false.";
        }
    }

    public IEnricher Create(EnricherOptions options, EnricherContext context) =>
        new MitreEnricher(options.Name, context.OpenFile(options.Path!, MitreTableLoader.Load), EnrichSupport.BoolSetting(options, "Overwrite", false) ?? false);
}

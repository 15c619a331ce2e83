using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.Assets;

/// <summary>
/// Creates <c>assets</c> enrichers from <c>Path</c> (a CSV or YAML inventory). Setting: <c>Roles</c>
/// (comma-separated from host, source, destination, client, server; default host, source, destination).
/// </summary>
internal sealed class AssetEnricherFactory : IEnricherFactory
{
    private static readonly string[] RoleNames = ["host", "source", "destination", "client", "server"];

    public string Type => "assets";

    public IEnumerable<string> Validate(EnricherOptions options)
    {
        var problems = new List<string>(EnrichSupport.UnknownSettings(options, "Roles"));
        problems.AddRange(EnrichSupport.RequireSinglePath(options));
        problems.AddRange(SettingParse.CheckList(options, "Roles", RoleNames));
        return problems;
    }

    public IEnricher Create(EnricherOptions options, EnricherContext context)
    {
        var settings = new AssetSettings();
        settings.Roles = SettingParse.List(options, "Roles") ?? settings.Roles;
        return new AssetEnricher(options.Name, context.OpenFile(options.Path!, AssetTable.Load), settings);
    }
}

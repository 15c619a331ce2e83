using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.Users;

/// <summary>
/// Creates <c>users</c> enrichers from <c>Path</c> (a CSV or YAML directory export). Setting: <c>Roles</c>
/// (comma-separated from user, target, effective; default user, target).
/// </summary>
internal sealed class UserEnricherFactory : IEnricherFactory
{
    private static readonly string[] RoleNames = ["user", "target", "effective"];

    public string Type => "users";

    public IEnumerable<string> Validate(EnricherOptions options)
    {
        var problems = new List<string>(EnrichSupport.UnknownSettings(options, "Roles"));
        problems.AddRange(EnrichSupport.RequireSinglePath(options));
        problems.AddRange(SettingParse.CheckList(options, "Roles", RoleNames));
        return problems;
    }

    public IEnricher Create(EnricherOptions options, EnricherContext context)
    {
        var settings = new UserSettings();
        settings.Roles = SettingParse.List(options, "Roles") ?? settings.Roles;
        return new UserEnricher(options.Name, context.OpenFile(options.Path!, UserTable.Load), settings);
    }
}

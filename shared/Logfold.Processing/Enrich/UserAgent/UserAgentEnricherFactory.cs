using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.UserAgent;

/// <summary>Creates <c>user_agent</c> enrichers. Settings: <c>CacheSize</c> (default 10000), <c>MaxLength</c> (default 2048).</summary>
internal sealed class UserAgentEnricherFactory : IEnricherFactory
{
    public string Type => "user_agent";

    public IEnumerable<string> Validate(EnricherOptions options)
    {
        var problems = new List<string>(EnrichSupport.UnknownSettings(options, "CacheSize", "MaxLength"));
        if (options.Path is not null || options.Paths.Count > 0)
        {
            problems.Add("Path/Paths are not used by user_agent (its rules are built in).");
        }

        problems.AddRange(SettingParse.CheckInt(options, "CacheSize", 16, 10_000_000));
        problems.AddRange(SettingParse.CheckInt(options, "MaxLength", 64, 65_536));
        return problems;
    }

    public IEnricher Create(EnricherOptions options, EnricherContext context) =>
        new UserAgentEnricher(options.Name, new UserAgentSettings
        {
            CacheSize = SettingParse.Int(options, "CacheSize", 10_000, 16, 10_000_000) ?? 10_000,
            MaxLength = SettingParse.Int(options, "MaxLength", 2048, 64, 65_536) ?? 2048,
        });
}

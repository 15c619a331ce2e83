using System.Net;
using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.ReverseDns;

/// <summary>
/// Creates <c>reverse_dns</c> enrichers. Settings: <c>Server</c> (required: <c>ip</c> or <c>ip:port</c>),
/// <c>Roles</c>, <c>PrivateOnly</c>, <c>MaxWaitMilliseconds</c> (default 0: never wait),
/// <c>QueryTimeoutMilliseconds</c>, <c>TtlSeconds</c>, <c>NegativeTtlSeconds</c>, <c>ErrorTtlSeconds</c>,
/// <c>CacheSize</c>, <c>MaxInFlight</c>.
/// </summary>
internal sealed class ReverseDnsEnricherFactory : IEnricherFactory
{
    private static readonly string[] RoleNames = ["source", "destination", "client", "server", "host"];

    public string Type => "reverse_dns";

    public IEnumerable<string> Validate(EnricherOptions options)
    {
        var problems = new List<string>(EnrichSupport.UnknownSettings(
            options, "Server", "Roles", "PrivateOnly", "MaxWaitMilliseconds", "QueryTimeoutMilliseconds", "TtlSeconds", "NegativeTtlSeconds", "ErrorTtlSeconds", "CacheSize", "MaxInFlight"));
        if (options.Path is not null || options.Paths.Count > 0)
        {
            problems.Add("Path/Paths are not used by reverse_dns; give the resolver in Settings:Server.");
        }

        if (options.Setting("Server") is not { } server)
        {
            problems.Add("Settings:Server is required (the resolver's IP address, optionally with :port).");
        }
        else if (!IPEndPoint.TryParse(server, out _))
        {
            problems.Add($"Settings:Server '{server}' is not an IP address with an optional port.");
        }

        problems.AddRange(SettingParse.CheckList(options, "Roles", RoleNames));
        problems.AddRange(SettingParse.CheckBool(options, "PrivateOnly"));
        problems.AddRange(SettingParse.CheckInt(options, "MaxWaitMilliseconds", 0, 1000));
        problems.AddRange(SettingParse.CheckInt(options, "QueryTimeoutMilliseconds", 1, 30_000));
        problems.AddRange(SettingParse.CheckInt(options, "TtlSeconds", 1, 604_800));
        problems.AddRange(SettingParse.CheckInt(options, "NegativeTtlSeconds", 1, 604_800));
        problems.AddRange(SettingParse.CheckInt(options, "ErrorTtlSeconds", 1, 86_400));
        problems.AddRange(SettingParse.CheckInt(options, "CacheSize", 2, 10_000_000));
        problems.AddRange(SettingParse.CheckInt(options, "MaxInFlight", 1, 4096));
        return problems;
    }

    public IEnricher Create(EnricherOptions options, EnricherContext context)
    {
        var settings = Settings(options);
        return new ReverseDnsEnricher(options.Name, UdpPtrResolver.Create(settings.Server), settings, context.Time);
    }

    internal static ReverseDnsSettings Settings(EnricherOptions options)
    {
        var settings = new ReverseDnsSettings
        {
            Server = options.Setting("Server") ?? string.Empty,
            PrivateOnly = EnrichSupport.BoolSetting(options, "PrivateOnly", true) ?? true,
            MaxWait = TimeSpan.FromMilliseconds(SettingParse.Int(options, "MaxWaitMilliseconds", 0, 0, 1000) ?? 0),
            QueryTimeout = TimeSpan.FromMilliseconds(SettingParse.Int(options, "QueryTimeoutMilliseconds", 500, 1, 30_000) ?? 500),
            Ttl = TimeSpan.FromSeconds(SettingParse.Int(options, "TtlSeconds", 3600, 1, 604_800) ?? 3600),
            NegativeTtl = TimeSpan.FromSeconds(SettingParse.Int(options, "NegativeTtlSeconds", 900, 1, 604_800) ?? 900),
            ErrorTtl = TimeSpan.FromSeconds(SettingParse.Int(options, "ErrorTtlSeconds", 60, 1, 86_400) ?? 60),
            CacheSize = SettingParse.Int(options, "CacheSize", 100_000, 2, 10_000_000) ?? 100_000,
            MaxInFlight = SettingParse.Int(options, "MaxInFlight", 64, 1, 4096) ?? 64,
        };
        settings.Roles = SettingParse.List(options, "Roles") ?? settings.Roles;
        return settings;
    }
}

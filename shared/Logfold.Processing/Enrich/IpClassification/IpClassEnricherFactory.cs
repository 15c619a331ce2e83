using Logfold.Processing.Enrich.Net;

namespace Logfold.Processing.Enrich.IpClassification;

/// <summary>Creates <c>ip_class</c> enrichers. Settings: <c>InternalNetworks</c> (comma-separated CIDRs), <c>SetDirection</c> (default true).</summary>
internal sealed class IpClassEnricherFactory : IEnricherFactory
{
    public string Type => "ip_class";

    public IEnumerable<string> Validate(EnricherOptions options)
    {
        foreach (var problem in EnrichSupport.UnknownSettings(options, "InternalNetworks", "SetDirection"))
        {
            yield return problem;
        }

        if (options.Path is not null || options.Paths.Count > 0)
        {
            yield return "Path/Paths are not used by ip_class (its ranges are built in); use Settings:InternalNetworks for your own networks.";
        }

        if (EnrichSupport.BoolSetting(options, "SetDirection", true) is null)
        {
            yield return "Settings:SetDirection must be true or false.";
        }

        foreach (var cidr in Split(options.Setting("InternalNetworks")))
        {
            if (!IpKey.TryParseCidr(cidr, out _, out _, out _))
            {
                yield return $"Settings:InternalNetworks: '{cidr}' is not a CIDR.";
            }
        }
    }

    public IEnricher Create(EnricherOptions options, EnricherContext context)
    {
        var builder = new IpRangeTableBuilder<bool>();
        foreach (var cidr in Split(options.Setting("InternalNetworks")))
        {
            if (!builder.TryAdd(cidr, true))
            {
                throw new EnrichmentDataException($"Settings:InternalNetworks: '{cidr}' is not a CIDR.");
            }
        }

        return new IpClassEnricher(options.Name, builder.Build(), EnrichSupport.BoolSetting(options, "SetDirection", true) ?? true);
    }

    private static string[] Split(string? list) =>
        list is null ? [] : list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

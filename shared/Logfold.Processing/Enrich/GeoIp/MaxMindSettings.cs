namespace Logfold.Processing.Enrich.GeoIp;

/// <summary>The settings the <c>geoip</c> and <c>asn</c> enrichers share, and their validation.</summary>
internal static class MaxMindSettings
{
    public static IEnumerable<string> Validate(EnricherOptions options)
    {
        foreach (var problem in EnrichSupport.UnknownSettings(options, "Endpoints", "LookupNonPublic"))
        {
            yield return problem;
        }

        foreach (var problem in EnrichSupport.RequireSinglePath(options))
        {
            yield return problem;
        }

        if (IpEndpoint.Parse(options.Setting("Endpoints"), out var unknown) is null)
        {
            yield return $"Settings:Endpoints: '{unknown}' is not one of source, destination, client, server, host.";
        }

        if (EnrichSupport.BoolSetting(options, "LookupNonPublic", false) is null)
        {
            yield return "Settings:LookupNonPublic must be true or false.";
        }
    }
}

namespace Logfold.Processing.Enrich.GeoIp;

/// <summary>The settings the <c>geoip</c> and <c>asn</c> enrichers share, and their validation.</summary>
internal static class MaxMindSettings
{
    public static IEnumerable<string> Validate(EnricherOptions options)
    {
        foreach (var problem in EnrichSupport.UnknownSettings(options, "Endpoints", "LookupNonPublic", "CacheSize"))
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

        if (options.Setting("CacheSize") is { } size && !(int.TryParse(size, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= MaxCacheSize))
        {
            yield return $"Settings:CacheSize '{size}' must be a whole number from 0 (no cache) to {MaxCacheSize}.";
        }
    }

    /// <summary>The largest per-enricher address cache.</summary>
    public const int MaxCacheSize = 10_000_000;

    /// <summary>The default per-enricher address cache (about 10 MB for City records).</summary>
    public const int DefaultCacheSize = 65_536;

    /// <summary>The configured cache size (validated).</summary>
    public static int CacheSize(EnricherOptions options) =>
        options.Setting("CacheSize") is { } size ? int.Parse(size, System.Globalization.CultureInfo.InvariantCulture) : DefaultCacheSize;
}

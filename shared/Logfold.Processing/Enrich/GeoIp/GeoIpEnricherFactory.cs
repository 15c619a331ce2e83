namespace Logfold.Processing.Enrich.GeoIp;

/// <summary>
/// Creates <c>geoip</c> enrichers from <c>Path</c> (a MaxMind City or Country .mmdb). Settings: <c>Endpoints</c>
/// (comma-separated subset of source, destination, client, server, host; default all), <c>LookupNonPublic</c>
/// (default false).
/// </summary>
internal sealed class GeoIpEnricherFactory : IEnricherFactory
{
    public string Type => "geoip";

    public IEnumerable<string> Validate(EnricherOptions options) => MaxMindSettings.Validate(options);

    public IEnricher Create(EnricherOptions options, EnricherContext context)
    {
        var database = context.OpenFile(options.Path!, p => MaxMindDatabase.Open(p, MaxMindDatabase.IsGeo, "a City or Country database (GeoLite2-City, GeoIP2-Country...)"));
        return new GeoIpEnricher(options.Name, database, IpEndpoint.Parse(options.Setting("Endpoints"), out _)!, EnrichSupport.BoolSetting(options, "LookupNonPublic", false) ?? false, MaxMindSettings.CacheSize(options));
    }
}

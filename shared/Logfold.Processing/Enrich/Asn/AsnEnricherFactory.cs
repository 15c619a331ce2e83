using Logfold.Processing.Enrich.GeoIp;

namespace Logfold.Processing.Enrich.Asn;

/// <summary>
/// Creates <c>asn</c> enrichers from <c>Path</c> (a MaxMind ASN .mmdb such as GeoLite2-ASN). Settings as for
/// <c>geoip</c>: <c>Endpoints</c>, <c>LookupNonPublic</c>.
/// </summary>
internal sealed class AsnEnricherFactory : IEnricherFactory
{
    public string Type => "asn";

    public IEnumerable<string> Validate(EnricherOptions options) => MaxMindSettings.Validate(options);

    public IEnricher Create(EnricherOptions options, EnricherContext context)
    {
        var database = context.OpenFile(options.Path!, p => MaxMindDatabase.Open(p, MaxMindDatabase.IsAsn, "an ASN database (GeoLite2-ASN)"));
        return new AsnEnricher(options.Name, database, IpEndpoint.Parse(options.Setting("Endpoints"), out _)!, EnrichSupport.BoolSetting(options, "LookupNonPublic", false) ?? false, MaxMindSettings.CacheSize(options));
    }
}

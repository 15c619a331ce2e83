using Logfold.Processing.Enrich.Net;
using Logfold.Processing.Model;
using MaxMind.GeoIP2;

namespace Logfold.Processing.Enrich.GeoIp;

/// <summary>
/// <c>geoip</c>: looks endpoint addresses up in a MaxMind City or Country database and fills
/// <c>&lt;endpoint&gt;.geo.{city_name,country_iso_code,country_name,continent_code,continent_name,region_name,
/// region_iso_code,location.lat,location.lon,timezone,postal_code}</c>. Non-public addresses (private, loopback...)
/// are not looked up unless <c>LookupNonPublic</c>. Results (misses too) are cached per address, up to
/// <c>CacheSize</c> entries, and the cache starts empty whenever the database is reloaded.
/// </summary>
internal sealed class GeoIpEnricher : IEnricher
{
    private readonly IDataSnapshot<DatabaseReader> _database;
    private readonly Target[] _targets;
    private readonly bool _lookupNonPublic;
    private readonly LookupCache<GeoRecord> _cache;

    public GeoIpEnricher(string name, IDataSnapshot<DatabaseReader> database, IpEndpoint[] endpoints, bool lookupNonPublic, int cacheSize)
    {
        Name = name;
        _database = database;
        _lookupNonPublic = lookupNonPublic;
        _targets = Array.ConvertAll(endpoints, e => new Target(e));
        _cache = new LookupCache<GeoRecord>(cacheSize);
    }

    public string Name { get; }

    /// <summary>Addresses cached now (tests).</summary>
    internal int CacheCount => _cache.Count;

    public EnrichOutcome Enrich(EcsDocument doc)
    {
        var reader = _database.Current;
        var seen = false;
        var hit = false;
        foreach (var target in _targets)
        {
            var text = EnrichSupport.FirstString(doc, target.Endpoint.Ip);
            if (text is null || !IpKey.TryParse(text, out var key))
            {
                continue;
            }

            seen = true;
            if (!_lookupNonPublic && IpClassifier.Classify(key) != IpClass.Public)
            {
                continue;
            }

            var record = _cache.GetOrAdd(reader, key, static (r, k, _) => Lookup(r, k), 0);
            if (record is not null && Write(doc, target, record))
            {
                hit = true;
            }
        }

        return hit ? EnrichOutcome.Hit : seen ? EnrichOutcome.Miss : EnrichOutcome.Skipped;
    }

    private static GeoRecord? Lookup(DatabaseReader reader, UInt128 key)
    {
        var address = IpKey.ToAddress(key);
        if (MaxMindDatabase.IsCity(reader.Metadata.DatabaseType))
        {
            return reader.TryCity(address, out var city) && city is not null ? GeoRecord.From(city) : null;
        }

        return reader.TryCountry(address, out var country) && country is not null ? GeoRecord.From(country) : null;
    }

    private static bool Write(EcsDocument doc, Target t, GeoRecord r)
    {
        var before = doc.FieldCount;
        doc.Set(t.CountryIsoCode, r.CountryIsoCode);
        doc.Set(t.CountryName, r.CountryName);
        doc.Set(t.ContinentCode, r.ContinentCode);
        doc.Set(t.ContinentName, r.ContinentName);
        doc.Set(t.CityName, r.CityName);
        doc.Set(t.RegionName, r.RegionName);
        doc.Set(t.RegionIsoCode, r.RegionIsoCode);
        if (r.Latitude is { } lat && r.Longitude is { } lon)
        {
            doc.Set(t.Lat, lat);
            doc.Set(t.Lon, lon);
        }

        doc.Set(t.Timezone, r.TimeZone);
        doc.Set(t.PostalCode, r.PostalCode);
        return doc.FieldCount > before;
    }

    private sealed class Target(IpEndpoint endpoint)
    {
        public IpEndpoint Endpoint { get; } = endpoint;

        public FieldPath CityName { get; } = FieldPath.Of(endpoint.Name + ".geo.city_name");

        public FieldPath CountryIsoCode { get; } = FieldPath.Of(endpoint.Name + ".geo.country_iso_code");

        public FieldPath CountryName { get; } = FieldPath.Of(endpoint.Name + ".geo.country_name");

        public FieldPath ContinentCode { get; } = FieldPath.Of(endpoint.Name + ".geo.continent_code");

        public FieldPath ContinentName { get; } = FieldPath.Of(endpoint.Name + ".geo.continent_name");

        public FieldPath RegionName { get; } = FieldPath.Of(endpoint.Name + ".geo.region_name");

        public FieldPath RegionIsoCode { get; } = FieldPath.Of(endpoint.Name + ".geo.region_iso_code");

        public FieldPath Lat { get; } = FieldPath.Of(endpoint.Name + ".geo.location.lat");

        public FieldPath Lon { get; } = FieldPath.Of(endpoint.Name + ".geo.location.lon");

        public FieldPath Timezone { get; } = FieldPath.Of(endpoint.Name + ".geo.timezone");

        public FieldPath PostalCode { get; } = FieldPath.Of(endpoint.Name + ".geo.postal_code");
    }
}

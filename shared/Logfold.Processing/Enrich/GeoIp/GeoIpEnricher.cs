using Logfold.Processing.Enrich.Net;
using Logfold.Processing.Model;
using MaxMind.GeoIP2;
using MaxMind.GeoIP2.Responses;

namespace Logfold.Processing.Enrich.GeoIp;

/// <summary>
/// <c>geoip</c>: looks endpoint addresses up in a MaxMind City or Country database and fills
/// <c>&lt;endpoint&gt;.geo.{city_name,country_iso_code,country_name,continent_code,continent_name,region_name,
/// region_iso_code,location.lat,location.lon,timezone,postal_code}</c>. Non-public addresses (private, loopback...)
/// are not looked up unless <c>LookupNonPublic</c>; the same address on two endpoints is looked up once.
/// </summary>
internal sealed class GeoIpEnricher : IEnricher
{
    private readonly IDataSnapshot<DatabaseReader> _database;
    private readonly Target[] _targets;
    private readonly bool _lookupNonPublic;

    public GeoIpEnricher(string name, IDataSnapshot<DatabaseReader> database, IpEndpoint[] endpoints, bool lookupNonPublic)
    {
        Name = name;
        _database = database;
        _lookupNonPublic = lookupNonPublic;
        _targets = Array.ConvertAll(endpoints, e => new Target(e));
    }

    public string Name { get; }

    public EnrichOutcome Enrich(EcsDocument doc)
    {
        var reader = _database.Current;
        var city = MaxMindDatabase.IsCity(reader.Metadata.DatabaseType);
        var seen = false;
        var hit = false;
        string? lastIp = null;
        AbstractCountryResponse? last = null;
        foreach (var target in _targets)
        {
            var text = EnrichSupport.FirstString(doc, target.Endpoint.Ip);
            if (text is null || !IpKey.TryParse(text, out var key))
            {
                continue;
            }

            seen = true;
            AbstractCountryResponse? response;
            if (lastIp is not null && string.Equals(lastIp, text, StringComparison.Ordinal))
            {
                response = last;
            }
            else
            {
                response = null;
                if (_lookupNonPublic || IpClassifier.Classify(key) == IpClass.Public)
                {
                    var address = IpKey.ToAddress(key);
                    if (city)
                    {
                        response = reader.TryCity(address, out var c) ? c : null;
                    }
                    else
                    {
                        response = reader.TryCountry(address, out var c) ? c : null;
                    }
                }

                lastIp = text;
                last = response;
            }

            if (response is not null && Write(doc, target, response))
            {
                hit = true;
            }
        }

        return hit ? EnrichOutcome.Hit : seen ? EnrichOutcome.Miss : EnrichOutcome.Skipped;
    }

    private static bool Write(EcsDocument doc, Target t, AbstractCountryResponse r)
    {
        var before = doc.FieldCount;
        doc.Set(t.CountryIsoCode, r.Country.IsoCode);
        doc.Set(t.CountryName, r.Country.Name);
        doc.Set(t.ContinentCode, r.Continent.Code);
        doc.Set(t.ContinentName, r.Continent.Name);
        if (r is AbstractCityResponse c)
        {
            doc.Set(t.CityName, c.City.Name);
            if (c.Subdivisions.Count > 0)
            {
                var region = c.Subdivisions[0];
                doc.Set(t.RegionName, region.Name);
                if (region.IsoCode is not null && r.Country.IsoCode is not null)
                {
                    doc.Set(t.RegionIsoCode, r.Country.IsoCode + "-" + region.IsoCode);
                }
            }

            if (c.Location.HasCoordinates)
            {
                doc.Set(t.Lat, c.Location.Latitude!.Value);
                doc.Set(t.Lon, c.Location.Longitude!.Value);
            }

            doc.Set(t.Timezone, c.Location.TimeZone);
            doc.Set(t.PostalCode, c.Postal.Code);
        }

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

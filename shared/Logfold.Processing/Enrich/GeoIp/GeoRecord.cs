using MaxMind.GeoIP2.Responses;

namespace Logfold.Processing.Enrich.GeoIp;

/// <summary>The geo fields of one address, prepared once from a MaxMind response (and cached).</summary>
internal sealed class GeoRecord
{
    public string? CityName { get; private init; }

    public string? CountryIsoCode { get; private init; }

    public string? CountryName { get; private init; }

    public string? ContinentCode { get; private init; }

    public string? ContinentName { get; private init; }

    public string? RegionName { get; private init; }

    public string? RegionIsoCode { get; private init; }

    public double? Latitude { get; private init; }

    public double? Longitude { get; private init; }

    public string? TimeZone { get; private init; }

    public string? PostalCode { get; private init; }

    /// <summary>Copies the fields Logfold writes out of a City or Country response.</summary>
    public static GeoRecord From(AbstractCountryResponse r)
    {
        var countryIso = r.Country.IsoCode;
        if (r is not AbstractCityResponse c)
        {
            return new GeoRecord
            {
                CountryIsoCode = countryIso,
                CountryName = r.Country.Name,
                ContinentCode = r.Continent.Code,
                ContinentName = r.Continent.Name,
            };
        }

        var region = c.Subdivisions.Count > 0 ? c.Subdivisions[0] : null;
        return new GeoRecord
        {
            CountryIsoCode = countryIso,
            CountryName = r.Country.Name,
            ContinentCode = r.Continent.Code,
            ContinentName = r.Continent.Name,
            CityName = c.City.Name,
            RegionName = region?.Name,
            RegionIsoCode = region?.IsoCode is { } iso && countryIso is not null ? countryIso + "-" + iso : null,
            Latitude = c.Location.HasCoordinates ? c.Location.Latitude : null,
            Longitude = c.Location.HasCoordinates ? c.Location.Longitude : null,
            TimeZone = c.Location.TimeZone,
            PostalCode = c.Postal.Code,
        };
    }
}

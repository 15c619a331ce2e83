namespace Logfold.Testing.Enrich;

/// <summary>Builds records in the shapes GeoLite2 City, Country and ASN databases use, for <see cref="MmdbWriter"/>.</summary>
public static class MmdbRecords
{
    /// <summary>A GeoLite2-City record.</summary>
    public static Dictionary<string, object> City(
        string city, string countryIso, string country, string continentCode, string continent,
        string? regionIso, string? region, double latitude, double longitude, string timeZone, string? postalCode)
    {
        var record = Country(countryIso, country, continentCode, continent);
        record["city"] = new Dictionary<string, object> { ["geoname_id"] = 2643743u, ["names"] = Names(city) };
        record["location"] = new Dictionary<string, object>
        {
            ["accuracy_radius"] = (ushort)100,
            ["latitude"] = latitude,
            ["longitude"] = longitude,
            ["time_zone"] = timeZone,
        };
        if (postalCode is not null)
        {
            record["postal"] = new Dictionary<string, object> { ["code"] = postalCode };
        }

        if (region is not null && regionIso is not null)
        {
            record["subdivisions"] = new List<object>
            {
                new Dictionary<string, object> { ["geoname_id"] = 6269131u, ["iso_code"] = regionIso, ["names"] = Names(region) },
            };
        }

        return record;
    }

    /// <summary>A GeoLite2-Country record.</summary>
    public static Dictionary<string, object> Country(string countryIso, string country, string continentCode, string continent)
    {
        var countryMap = new Dictionary<string, object> { ["geoname_id"] = 2635167u, ["iso_code"] = countryIso, ["names"] = Names(country) };
        return new Dictionary<string, object>
        {
            ["continent"] = new Dictionary<string, object> { ["code"] = continentCode, ["geoname_id"] = 6255148u, ["names"] = Names(continent) },
            ["country"] = countryMap,
            ["registered_country"] = countryMap,
        };
    }

    /// <summary>A GeoLite2-ASN record.</summary>
    public static Dictionary<string, object> Asn(uint number, string organization) => new()
    {
        ["autonomous_system_number"] = number,
        ["autonomous_system_organization"] = organization,
    };

    private static Dictionary<string, object> Names(string english) => new() { ["en"] = english, ["de"] = english };
}

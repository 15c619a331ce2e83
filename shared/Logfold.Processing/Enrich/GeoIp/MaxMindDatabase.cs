using MaxMind.Db;
using MaxMind.GeoIP2;

namespace Logfold.Processing.Enrich.GeoIp;

/// <summary>
/// Opens MaxMind DB files for the <c>geoip</c> and <c>asn</c> enrichers. The whole file is read into memory
/// (<see cref="FileAccessMode.Memory"/>), so a replaced reader is simply collected once no event uses it.
/// </summary>
internal static class MaxMindDatabase
{
    /// <summary>Opens <paramref name="path"/> and checks that its <c>database_type</c> is one the caller reads.</summary>
    /// <param name="path">The .mmdb file.</param>
    /// <param name="accepts">True for a database type the enricher can read.</param>
    /// <param name="expected">What the enricher needs, for the error message.</param>
    public static DatabaseReader Open(string path, Func<string, bool> accepts, string expected)
    {
        DatabaseReader reader;
        try
        {
            reader = new DatabaseReader(path, FileAccessMode.Memory);
        }
        catch (InvalidDatabaseException ex)
        {
            throw new EnrichmentDataException($"{path}: not a valid MaxMind DB file: {ex.Message}", ex);
        }

        var type = reader.Metadata.DatabaseType;
        if (!accepts(type))
        {
            reader.Dispose();
            throw new EnrichmentDataException($"{path}: database type '{type}' is not {expected}.");
        }

        return reader;
    }

    /// <summary>True for City databases (GeoLite2-City, GeoIP2-City, GeoIP2-Enterprise...).</summary>
    public static bool IsCity(string type) =>
        type.Contains("City", StringComparison.OrdinalIgnoreCase) || type.Contains("Enterprise", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for City or Country databases.</summary>
    public static bool IsGeo(string type) => IsCity(type) || type.Contains("Country", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for ASN databases (GeoLite2-ASN, and ISP databases that carry the same fields).</summary>
    public static bool IsAsn(string type) =>
        type.Contains("ASN", StringComparison.OrdinalIgnoreCase) || type.Contains("ISP", StringComparison.OrdinalIgnoreCase);
}

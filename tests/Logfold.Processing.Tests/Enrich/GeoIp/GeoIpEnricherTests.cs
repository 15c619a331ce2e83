using Logfold.Processing.Enrich;
using Logfold.Processing.Enrich.Asn;
using Logfold.Processing.Enrich.GeoIp;
using Logfold.Testing.Enrich;
using MaxMind.Db;
using static Logfold.Processing.Tests.Enrich.EnrichTestFiles;

namespace Logfold.Processing.Tests.Enrich.GeoIp;

public sealed class GeoIpEnricherTests : IDisposable
{
    private readonly EnrichTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string CityDb(string name = "city.mmdb")
    {
        var path = _files.PathOf(name);
        new MmdbWriter("GeoLite2-City")
            .Add("81.2.69.0/24", MmdbRecords.City("London", "GB", "United Kingdom", "EU", "Europe", "ENG", "England", 51.5142, -0.0931, "Europe/London", "EC2V"))
            .Add("2a02:ff0::/32", MmdbRecords.City("Stockholm", "SE", "Sweden", "EU", "Europe", "AB", "Stockholm County", 59.3247, 18.056, "Europe/Stockholm", null))
            .Add("10.50.0.0/16", MmdbRecords.City("Office", "DE", "Germany", "EU", "Europe", "BE", "Berlin", 52.52, 13.40, "Europe/Berlin", "10115"))
            .Write(path);
        return path;
    }

    private IEnricher Geo(string path, params (string Key, string Value)[] settings)
    {
        var options = new EnricherOptions { Name = "geo", Type = "geoip", Path = path };
        foreach (var (k, v) in settings)
        {
            options.Settings[k] = v;
        }

        Assert.Empty(new GeoIpEnricherFactory().Validate(options));
        return new GeoIpEnricherFactory().Create(options, _files.Context);
    }

    [Fact]
    public void Enrich_PublicSourceInCityDb_FillsEveryGeoField()
    {
        var geo = Geo(CityDb());
        var doc = Event(("source.ip", "81.2.69.142"), ("destination.ip", "10.50.1.1"));

        Assert.Equal(EnrichOutcome.Hit, geo.Enrich(doc));

        Assert.Equal("London", Str(doc, "source.geo.city_name"));
        Assert.Equal("GB", Str(doc, "source.geo.country_iso_code"));
        Assert.Equal("United Kingdom", Str(doc, "source.geo.country_name"));
        Assert.Equal("EU", Str(doc, "source.geo.continent_code"));
        Assert.Equal("Europe", Str(doc, "source.geo.continent_name"));
        Assert.Equal("England", Str(doc, "source.geo.region_name"));
        Assert.Equal("GB-ENG", Str(doc, "source.geo.region_iso_code"));
        Assert.Equal("Europe/London", Str(doc, "source.geo.timezone"));
        Assert.Equal("EC2V", Str(doc, "source.geo.postal_code"));
        Assert.Equal(51.5142, Value(doc, "source.geo.location.lat").Double);
        Assert.Equal(-0.0931, Value(doc, "source.geo.location.lon").Double);
        // The destination is private: not looked up by default, even though the database has it.
        Assert.Null(Str(doc, "destination.geo.city_name"));
        Assert.Contains("\"location\":{\"lat\":51.5142,\"lon\":-0.0931}", doc.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Enrich_LookupNonPublicOn_FillsPrivateRangesFromYourOwnDatabase()
    {
        var geo = Geo(CityDb(), ("LookupNonPublic", "true"));
        var doc = Event(("destination.ip", "10.50.1.1"));

        Assert.Equal(EnrichOutcome.Hit, geo.Enrich(doc));
        Assert.Equal("Office", Str(doc, "destination.geo.city_name"));
        Assert.Equal("DE-BE", Str(doc, "destination.geo.region_iso_code"));
    }

    [Fact]
    public void Enrich_Ipv6DestinationAndHostIpArray_AreLookedUp()
    {
        var geo = Geo(CityDb());
        var doc = Event(("destination.ip", "2a02:ff0::1"), ("host.ip", new[] { "81.2.69.1", "10.0.0.1" }));

        Assert.Equal(EnrichOutcome.Hit, geo.Enrich(doc));
        Assert.Equal("Stockholm", Str(doc, "destination.geo.city_name"));
        Assert.Null(Str(doc, "destination.geo.postal_code"));
        Assert.Equal("London", Str(doc, "host.geo.city_name"));
    }

    [Fact]
    public void Enrich_EndpointsSetting_LimitsTheLookups()
    {
        var geo = Geo(CityDb(), ("Endpoints", "destination"));
        var doc = Event(("source.ip", "81.2.69.142"), ("destination.ip", "81.2.69.143"));

        geo.Enrich(doc);

        Assert.Null(Str(doc, "source.geo.city_name"));
        Assert.Equal("London", Str(doc, "destination.geo.city_name"));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("192.168.1.1")]
    [InlineData("not-an-ip")]
    public void Enrich_AddressNotInDatabase_IsAMiss(string ip)
    {
        var geo = Geo(CityDb());
        var doc = Event(("source.ip", ip));

        Assert.Equal(ip == "not-an-ip" ? EnrichOutcome.Skipped : EnrichOutcome.Miss, geo.Enrich(doc));
        Assert.Null(Str(doc, "source.geo.country_iso_code"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("16")]
    public void Enrich_RepeatedAddress_SameFieldsWithOrWithoutCache(string cacheSize)
    {
        var geo = Geo(CityDb(), ("CacheSize", cacheSize));
        for (var i = 0; i < 3; i++)
        {
            var doc = Event(("source.ip", "81.2.69.142"), ("client.ip", "81.2.69.142"), ("destination.ip", "8.8.8.8"));
            Assert.Equal(EnrichOutcome.Hit, geo.Enrich(doc));
            Assert.Equal("London", Str(doc, "source.geo.city_name"));
            Assert.Equal("GB-ENG", Str(doc, "client.geo.region_iso_code"));
            Assert.Null(Str(doc, "destination.geo.city_name"));
        }

        Assert.Equal(cacheSize == "0" ? 0 : 2, ((GeoIpEnricher)geo).CacheCount);
    }

    [Theory]
    [InlineData("CacheSize", "-1")]
    [InlineData("CacheSize", "lots")]
    [InlineData("Endpoints", "source,elsewhere")]
    [InlineData("LookupNonPublic", "sometimes")]
    [InlineData("Language", "de")]
    public void Validate_BadSetting_IsReported(string key, string value)
    {
        var options = new EnricherOptions { Name = "geo", Type = "geoip", Path = "x.mmdb" };
        options.Settings[key] = value;

        var problem = Assert.Single(new GeoIpEnricherFactory().Validate(options));
        Assert.Contains(key, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Enrich_NoAddressFields_IsSkipped() =>
        Assert.Equal(EnrichOutcome.Skipped, Geo(CityDb()).Enrich(Event(("message", "hello"))));

    [Fact]
    public void Enrich_CountryDatabase_FillsCountryAndContinentOnly()
    {
        var path = _files.PathOf("country.mmdb");
        new MmdbWriter("GeoLite2-Country").Add("81.2.69.0/24", MmdbRecords.Country("GB", "United Kingdom", "EU", "Europe")).Write(path);
        var doc = Event(("source.ip", "81.2.69.142"));

        Assert.Equal(EnrichOutcome.Hit, Geo(path).Enrich(doc));

        Assert.Equal("GB", Str(doc, "source.geo.country_iso_code"));
        Assert.Equal("Europe", Str(doc, "source.geo.continent_name"));
        Assert.Null(Str(doc, "source.geo.city_name"));
    }

    [Fact]
    public void Create_AsnDatabaseGivenToGeoip_FailsNamingTheType()
    {
        var path = _files.PathOf("asn.mmdb");
        new MmdbWriter("GeoLite2-ASN").Add("81.2.69.0/24", MmdbRecords.Asn(20712, "Andrews & Arnold Ltd")).Write(path);

        var ex = Assert.Throws<EnrichmentDataException>(() => Geo(path));

        Assert.Contains("GeoLite2-ASN", ex.Message, StringComparison.Ordinal);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FileIsNotAMaxMindDatabase_FailsNamingTheFile()
    {
        var path = _files.Write("broken.mmdb", "this is not a database");

        var ex = Assert.Throws<EnrichmentDataException>(() => Geo(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_NewDatabase_IsUsedByTheNextEvent_AndBrokenOneIsRejected()
    {
        var path = CityDb();
        var geo = Geo(path);
        var file = Assert.Single(_files.Context.Files);
        new MmdbWriter("GeoLite2-City")
            .Add("81.2.69.0/24", MmdbRecords.City("Manchester", "GB", "United Kingdom", "EU", "Europe", "ENG", "England", 53.48, -2.24, "Europe/London", "M1"))
            .Write(path);

        Assert.True(file.Reload());
        var doc = Event(("source.ip", "81.2.69.142"));
        geo.Enrich(doc);
        Assert.Equal("Manchester", Str(doc, "source.geo.city_name"));

        File.WriteAllText(path, "garbage");
        Assert.False(file.Reload());
        var after = Event(("source.ip", "81.2.69.142"));
        geo.Enrich(after);
        Assert.Equal("Manchester", Str(after, "source.geo.city_name"));
        Assert.IsType<EnrichmentDataException>(file.LastError);
    }

    [Fact]
    public void MmdbWriter_NestedNetworks_RealReaderFindsTheMostSpecific()
    {
        var path = _files.PathOf("nested.mmdb");
        new MmdbWriter("Test-ASN")
            .Add("81.0.0.0/8", MmdbRecords.Asn(1, "wide"))
            .Add("81.2.69.0/24", MmdbRecords.Asn(2, "narrow"))
            .Add("2001:db8::/32", MmdbRecords.Asn(3, "v6"))
            .Write(path);
        using var reader = new Reader(path);

        Assert.Equal(2L, Convert.ToInt64(reader.Find<Dictionary<string, object>>(System.Net.IPAddress.Parse("81.2.69.7"))!["autonomous_system_number"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("wide", reader.Find<Dictionary<string, object>>(System.Net.IPAddress.Parse("81.200.1.1"))!["autonomous_system_organization"]);
        Assert.Equal("v6", reader.Find<Dictionary<string, object>>(System.Net.IPAddress.Parse("2001:db8::9"))!["autonomous_system_organization"]);
        Assert.Null(reader.Find<Dictionary<string, object>>(System.Net.IPAddress.Parse("82.0.0.1")));
        Assert.Equal("Test-ASN", reader.Metadata.DatabaseType);
    }

    [Fact]
    public void AsnEnrich_PublicEndpoints_FillsNumberAndOrganization()
    {
        var path = _files.PathOf("asn.mmdb");
        new MmdbWriter("GeoLite2-ASN")
            .Add("81.2.69.0/24", MmdbRecords.Asn(20712, "Andrews & Arnold Ltd"))
            .Add("2a02:ff0::/32", MmdbRecords.Asn(12552, "GlobalConnect AB"))
            .Write(path);
        var options = new EnricherOptions { Name = "asn", Type = "asn", Path = path };
        var asn = new AsnEnricherFactory().Create(options, _files.Context);
        var doc = Event(("source.ip", "81.2.69.142"), ("destination.ip", "2a02:ff0::5"), ("client.ip", "81.2.69.142"));

        Assert.Equal(EnrichOutcome.Hit, asn.Enrich(doc));

        Assert.Equal(20712L, Value(doc, "source.as.number").Long);
        Assert.Equal("Andrews & Arnold Ltd", Str(doc, "source.as.organization.name"));
        Assert.Equal(12552L, Value(doc, "destination.as.number").Long);
        Assert.Equal(20712L, Value(doc, "client.as.number").Long);
        Assert.Equal(EnrichOutcome.Miss, asn.Enrich(Event(("source.ip", "8.8.8.8"))));
    }

    [Fact]
    public void AsnCreate_CityDatabaseGiven_FailsNamingTheType()
    {
        var options = new EnricherOptions { Name = "asn", Type = "asn", Path = CityDb() };

        var ex = Assert.Throws<EnrichmentDataException>(() => new AsnEnricherFactory().Create(options, _files.Context));

        Assert.Contains("GeoLite2-City", ex.Message, StringComparison.Ordinal);
    }
}

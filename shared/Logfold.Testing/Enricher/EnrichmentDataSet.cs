using System.Globalization;
using Logfold.Processing.Enrich;
using Logfold.Testing.Enrich;

namespace Logfold.Testing.Enricher;

/// <summary>
/// Writes a complete, small set of enrichment data files into a directory (GeoIP City and ASN databases built
/// with <see cref="MmdbWriter"/>, a MITRE table, AWS-format cloud ranges, an IOC list) and describes the
/// enrichment chain that reads them, as options and as configuration keys. Nothing is downloaded. The address
/// blocks cover the public and documentation ranges the benchmark workload generator uses.
/// </summary>
public sealed class EnrichmentDataSet
{
    /// <summary>An address the IOC list marks as known-bad (and the GeoIP database places in Amsterdam).</summary>
    public const string BadIp = "185.220.101.7";

    /// <summary>A domain the IOC list marks as known-bad.</summary>
    public const string BadDomain = "evil.example.net";

    /// <summary>The blocks the GeoIP and ASN databases cover: (CIDR, city, ISO country, country, ASN, AS organization).</summary>
    private static readonly (string Cidr, string City, string Iso, string Country, uint Asn, string Org)[] Blocks =
    [
        ("23.0.0.0/8", "Cambridge", "US", "United States", 20940, "Akamai International B.V."),
        ("31.0.0.0/8", "Frankfurt am Main", "DE", "Germany", 3320, "Deutsche Telekom AG"),
        ("45.0.0.0/8", "Singapore", "SG", "Singapore", 14061, "DigitalOcean, LLC"),
        ("52.0.0.0/8", "Ashburn", "US", "United States", 16509, "Amazon.com, Inc."),
        ("64.0.0.0/8", "Chicago", "US", "United States", 7018, "AT&T Services, Inc."),
        ("77.0.0.0/8", "Paris", "FR", "France", 3215, "Orange S.A."),
        ("81.0.0.0/8", "London", "GB", "United Kingdom", 20712, "Andrews & Arnold Ltd"),
        ("89.0.0.0/8", "Madrid", "ES", "Spain", 3352, "Telefonica de Espana S.A.U."),
        ("91.0.0.0/8", "Moscow", "RU", "Russia", 12389, "PJSC Rostelecom"),
        ("104.0.0.0/8", "San Francisco", "US", "United States", 13335, "Cloudflare, Inc."),
        ("141.0.0.0/8", "Berlin", "DE", "Germany", 680, "DFN e.V."),
        ("151.0.0.0/8", "Rome", "IT", "Italy", 1267, "WIND TRE S.P.A."),
        ("172.0.0.0/12", "Seattle", "US", "United States", 8075, "Microsoft Corporation"),
        ("185.0.0.0/8", "Amsterdam", "NL", "Netherlands", 60729, "Stichting Tor Exit"),
        ("193.0.0.0/8", "Stockholm", "SE", "Sweden", 1299, "Arelion Sweden AB"),
        ("212.0.0.0/8", "Zurich", "CH", "Switzerland", 3303, "Swisscom (Schweiz) AG"),
        ("192.0.2.0/24", "Sydney", "AU", "Australia", 64496, "Documentation AS 1"),
        ("198.51.100.0/24", "Tokyo", "JP", "Japan", 64497, "Documentation AS 2"),
        ("203.0.113.0/24", "Toronto", "CA", "Canada", 64498, "Documentation AS 3"),
    ];

    private EnrichmentDataSet(string directory, List<EnricherOptions> chain)
    {
        Directory = directory;
        Chain = chain;
    }

    /// <summary>The directory holding the files (the chain's <c>DataDirectory</c>).</summary>
    public string Directory { get; }

    /// <summary>The chain, in order.</summary>
    public IReadOnlyList<EnricherOptions> Chain { get; }

    /// <summary>The IOC list the <c>threat_intel</c> entry reads (plain format: one indicator per line).</summary>
    public string IocPath => Path.Combine(Directory, "ioc.txt");

    /// <summary>The MITRE table.</summary>
    public string MitrePath => Path.Combine(Directory, "mitre.yaml");

    /// <summary>The GeoIP City database.</summary>
    public string GeoPath => Path.Combine(Directory, "geo-city.mmdb");

    /// <summary>
    /// Writes the files into <paramref name="directory"/> (created when absent) and builds the chain: ip_class,
    /// geoip, asn, cloud_ranges, community_id, mitre, and threat_intel and user_agent when <paramref name="registry"/> knows it.
    /// </summary>
    /// <param name="directory">Where to write.</param>
    /// <param name="registry">The enricher types available (default: the built-in registry).</param>
    /// <param name="mitreTable">A MITRE table file to copy instead of the small built-in one.</param>
    public static EnrichmentDataSet Write(string directory, EnricherRegistry? registry = null, string? mitreTable = null)
    {
        registry ??= EnricherRegistry.Default;
        System.IO.Directory.CreateDirectory(directory);
        var city = new MmdbWriter("GeoLite2-City");
        var asn = new MmdbWriter("GeoLite2-ASN");
        foreach (var b in Blocks)
        {
            city.Add(b.Cidr, MmdbRecords.City(b.City, b.Iso, b.Country, "XX", "Continent", null, null, 10.5, 20.25, "UTC", null));
            asn.Add(b.Cidr, MmdbRecords.Asn(b.Asn, b.Org));
        }

        city.Write(Path.Combine(directory, "geo-city.mmdb"));
        asn.Write(Path.Combine(directory, "geo-asn.mmdb"));
        File.WriteAllText(Path.Combine(directory, "aws-ip-ranges.json"), """
            {"syncToken":"1764547200","createDate":"2025-12-01-00-00-00","prefixes":[
              {"ip_prefix":"52.94.0.0/16","region":"us-east-1","service":"AMAZON","network_border_group":"us-east-1"},
              {"ip_prefix":"52.95.0.0/16","region":"eu-west-1","service":"S3","network_border_group":"eu-west-1"}],
             "ipv6_prefixes":[]}
            """);
        if (mitreTable is not null)
        {
            File.Copy(mitreTable, Path.Combine(directory, "mitre.yaml"), overwrite: true);
        }
        else
        {
            File.WriteAllText(Path.Combine(directory, "mitre.yaml"), """
                mappings:
                  - source: windows_event
                    event_code: "1102"
                    technique: T1070.001
                    name: "Indicator Removal: Clear Windows Event Logs"
                    tactics: [TA0005]
                  - source: windows_event
                    event_code: "4720"
                    technique: T1136
                    name: Create Account
                    tactics: [TA0003]
                  - source: windows_event
                    event_code: "4625"
                    technique: T1110
                    name: Brute Force
                    tactics: [TA0006]
                """);
        }

        WriteIocs(Path.Combine(directory, "ioc.txt"), [BadIp, BadDomain]);

        var chain = new List<EnricherOptions>
        {
            Entry("ip_class", "ip_class"),
            Entry("geoip", "geoip", "geo-city.mmdb", ("LookupNonPublic", "true")),
            Entry("asn", "asn", "geo-asn.mmdb", ("LookupNonPublic", "true")),
            Entry("cloud_ranges", "cloud_ranges", "aws-ip-ranges.json"),
            Entry("community_id", "community_id"),
            Entry("mitre", "mitre", "mitre.yaml"),
        };
        if (registry.TryGet("threat_intel", out _))
        {
            chain.Add(Entry("threat_intel", "threat_intel", "ioc.txt"));
        }

        if (registry.TryGet("user_agent", out _))
        {
            chain.Add(Entry("user_agent", "user_agent"));
        }

        return new EnrichmentDataSet(directory, chain);
    }

    /// <summary>Writes a plain IOC list (one indicator per line) atomically: a temporary file renamed over the old one.</summary>
    public static void WriteIocs(string path, IEnumerable<string> indicators)
    {
        var temp = path + ".tmp";
        File.WriteAllLines(temp, ["# test indicators", .. indicators]);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The same files with another chain (for example the default chain plus a test enricher).</summary>
    public EnrichmentDataSet WithChain(IEnumerable<EnricherOptions> chain) => new(Directory, [.. chain]);

    /// <summary>The chain as options.</summary>
    public EnrichmentOptions ToOptions() => new() { DataDirectory = Directory, Enrichers = [.. Chain], ReloadDebounceMilliseconds = 100 };

    /// <summary>The chain as configuration keys under <see cref="EnrichmentOptions.SectionName"/>.</summary>
    public Dictionary<string, string?> ToConfiguration()
    {
        var prefix = EnrichmentOptions.SectionName + ":";
        var keys = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [prefix + "DataDirectory"] = Directory,
            [prefix + "ReloadDebounceMilliseconds"] = "100",
        };
        for (var i = 0; i < Chain.Count; i++)
        {
            var e = Chain[i];
            var at = prefix + "Enrichers:" + i.ToString(CultureInfo.InvariantCulture) + ":";
            keys[at + "Name"] = e.Name;
            keys[at + "Type"] = e.Type;
            if (e.Path is not null)
            {
                keys[at + "Path"] = e.Path;
            }

            foreach (var (k, v) in e.Settings)
            {
                keys[at + "Settings:" + k] = v;
            }
        }

        return keys;
    }

    private static EnricherOptions Entry(string name, string type, string? path = null, params (string Key, string Value)[] settings)
    {
        var e = new EnricherOptions { Name = name, Type = type, Path = path };
        foreach (var (k, v) in settings)
        {
            e.Settings[k] = v;
        }

        return e;
    }
}

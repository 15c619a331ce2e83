using Logfold.Processing.Enrich.GeoIp;
using Logfold.Processing.Enrich.Net;
using Logfold.Processing.Model;
using MaxMind.GeoIP2;

namespace Logfold.Processing.Enrich.Asn;

/// <summary>
/// <c>asn</c>: looks endpoint addresses up in a MaxMind ASN database and fills <c>&lt;endpoint&gt;.as.number</c> and
/// <c>&lt;endpoint&gt;.as.organization.name</c>. Non-public addresses are not looked up unless <c>LookupNonPublic</c>;
/// results are cached per address (<c>CacheSize</c>), and the cache starts empty whenever the database is reloaded.
/// </summary>
internal sealed class AsnEnricher : IEnricher
{
    private readonly IDataSnapshot<DatabaseReader> _database;
    private readonly (IpEndpoint Endpoint, FieldPath Number, FieldPath Organization)[] _targets;
    private readonly bool _lookupNonPublic;
    private readonly LookupCache<AsnRecord> _cache;

    public AsnEnricher(string name, IDataSnapshot<DatabaseReader> database, IpEndpoint[] endpoints, bool lookupNonPublic, int cacheSize)
    {
        Name = name;
        _database = database;
        _lookupNonPublic = lookupNonPublic;
        _targets = Array.ConvertAll(endpoints, e => (e, FieldPath.Of(e.Name + ".as.number"), FieldPath.Of(e.Name + ".as.organization.name")));
        _cache = new LookupCache<AsnRecord>(cacheSize);
    }

    public string Name { get; }

    public EnrichOutcome Enrich(EcsDocument doc)
    {
        var reader = _database.Current;
        var seen = false;
        var hit = false;
        foreach (var (endpoint, number, organization) in _targets)
        {
            var text = EnrichSupport.FirstString(doc, endpoint.Ip);
            if (text is null || !IpKey.TryParse(text, out var key))
            {
                continue;
            }

            seen = true;
            if (!_lookupNonPublic && IpClassifier.Classify(key) != IpClass.Public)
            {
                continue;
            }

            var record = _cache.GetOrAdd(reader, key, static (r, k, _) =>
                r.TryAsn(IpKey.ToAddress(k), out var response) && response?.AutonomousSystemNumber is { } asn
                    ? new AsnRecord(asn, response.AutonomousSystemOrganization)
                    : null, 0);
            if (record is not null)
            {
                doc.Set(number, record.Number);
                doc.Set(organization, record.Organization);
                hit = true;
            }
        }

        return hit ? EnrichOutcome.Hit : seen ? EnrichOutcome.Miss : EnrichOutcome.Skipped;
    }

    private sealed record AsnRecord(long Number, string? Organization);
}

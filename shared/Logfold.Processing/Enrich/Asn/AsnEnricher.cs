using Logfold.Processing.Enrich.GeoIp;
using Logfold.Processing.Enrich.Net;
using Logfold.Processing.Model;
using MaxMind.GeoIP2;
using MaxMind.GeoIP2.Responses;

namespace Logfold.Processing.Enrich.Asn;

/// <summary>
/// <c>asn</c>: looks endpoint addresses up in a MaxMind ASN database and fills <c>&lt;endpoint&gt;.as.number</c> and
/// <c>&lt;endpoint&gt;.as.organization.name</c>. Non-public addresses are not looked up unless <c>LookupNonPublic</c>.
/// </summary>
internal sealed class AsnEnricher : IEnricher
{
    private readonly IDataSnapshot<DatabaseReader> _database;
    private readonly (IpEndpoint Endpoint, FieldPath Number, FieldPath Organization)[] _targets;
    private readonly bool _lookupNonPublic;

    public AsnEnricher(string name, IDataSnapshot<DatabaseReader> database, IpEndpoint[] endpoints, bool lookupNonPublic)
    {
        Name = name;
        _database = database;
        _lookupNonPublic = lookupNonPublic;
        _targets = Array.ConvertAll(endpoints, e => (e, FieldPath.Of(e.Name + ".as.number"), FieldPath.Of(e.Name + ".as.organization.name")));
    }

    public string Name { get; }

    public EnrichOutcome Enrich(EcsDocument doc)
    {
        var reader = _database.Current;
        var seen = false;
        var hit = false;
        string? lastIp = null;
        AsnResponse? last = null;
        foreach (var (endpoint, number, organization) in _targets)
        {
            var text = EnrichSupport.FirstString(doc, endpoint.Ip);
            if (text is null || !IpKey.TryParse(text, out var key))
            {
                continue;
            }

            seen = true;
            AsnResponse? response;
            if (lastIp is not null && string.Equals(lastIp, text, StringComparison.Ordinal))
            {
                response = last;
            }
            else
            {
                response = (_lookupNonPublic || IpClassifier.Classify(key) == IpClass.Public) && reader.TryAsn(IpKey.ToAddress(key), out var r) ? r : null;
                lastIp = text;
                last = response;
            }

            if (response?.AutonomousSystemNumber is { } asn)
            {
                doc.Set(number, asn);
                doc.Set(organization, response.AutonomousSystemOrganization);
                hit = true;
            }
        }

        return hit ? EnrichOutcome.Hit : seen ? EnrichOutcome.Miss : EnrichOutcome.Skipped;
    }
}

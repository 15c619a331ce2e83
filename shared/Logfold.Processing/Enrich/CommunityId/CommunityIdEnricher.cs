using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.CommunityId;

/// <summary>
/// <c>community_id</c>: fills <c>network.community_id</c> from <c>source.ip/port</c>, <c>destination.ip/port</c> and
/// the protocol (<c>network.iana_number</c>, else <c>network.transport</c>); ICMP type and code come from
/// <c>icmp.type</c>/<c>icmp.code</c> (configurable). An ID the mapping already set is kept unless <c>Overwrite</c>.
/// </summary>
internal sealed class CommunityIdEnricher : IEnricher
{
    private static readonly FieldPath IanaNumber = Ecs.NetworkIanaNumber;

    private readonly ushort _seed;
    private readonly bool _overwrite;
    private readonly FieldPath _icmpType;
    private readonly FieldPath _icmpCode;

    public CommunityIdEnricher(string name, ushort seed, bool overwrite, FieldPath icmpType, FieldPath icmpCode)
    {
        Name = name;
        _seed = seed;
        _overwrite = overwrite;
        _icmpType = icmpType;
        _icmpCode = icmpCode;
    }

    public string Name { get; }

    public EnrichOutcome Enrich(EcsDocument doc)
    {
        if (!_overwrite && doc.Has(Ecs.NetworkCommunityId))
        {
            return EnrichOutcome.Skipped;
        }

        var source = doc.GetString(Ecs.SourceIp);
        var destination = doc.GetString(Ecs.DestinationIp);
        if (source is null || destination is null)
        {
            return EnrichOutcome.Skipped;
        }

        var iana = EnrichSupport.ReadLong(doc, IanaNumber);
        var protocol = iana is > 0 and <= 255 ? (byte)iana.Value : CommunityIdHash.ProtocolNumber(doc.GetString(Ecs.NetworkTransport));
        if (protocol == 0)
        {
            return EnrichOutcome.Miss;
        }

        long? sp, dp;
        if (protocol is CommunityIdHash.Icmp or CommunityIdHash.Icmp6)
        {
            sp = EnrichSupport.ReadLong(doc, _icmpType);
            dp = EnrichSupport.ReadLong(doc, _icmpCode);
        }
        else
        {
            sp = EnrichSupport.ReadLong(doc, Ecs.SourcePort);
            dp = EnrichSupport.ReadLong(doc, Ecs.DestinationPort);
        }

        var id = CommunityIdHash.Compute(source, destination, protocol, sp, dp, _seed);
        if (id is null)
        {
            return EnrichOutcome.Miss;
        }

        doc.Set(Ecs.NetworkCommunityId, id);
        return EnrichOutcome.Hit;
    }
}

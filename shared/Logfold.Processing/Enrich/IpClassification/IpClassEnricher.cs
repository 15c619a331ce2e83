using Logfold.Processing.Enrich.Net;
using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.IpClassification;

/// <summary>
/// <c>ip_class</c>: tags each endpoint address with its class (<c>logfold.ip_class.source</c> = <c>private</c>,
/// <c>public</c>, <c>loopback</c>...), and fills <c>network.direction</c> when the mapping left it empty:
/// <c>internal</c> (both internal), <c>outbound</c>, <c>inbound</c> or <c>external</c> (neither). Internal means
/// private, loopback, link-local, CGNAT-shared, or inside the configured internal networks. Directions are not
/// guessed for multicast or reserved addresses.
/// </summary>
internal sealed class IpClassEnricher : IEnricher
{
    private static readonly (FieldPath Ip, FieldPath Class)[] Endpoints =
    [
        (Ecs.SourceIp, FieldPath.Of("logfold.ip_class.source")),
        (Ecs.DestinationIp, FieldPath.Of("logfold.ip_class.destination")),
        (Ecs.ClientIp, FieldPath.Of("logfold.ip_class.client")),
        (Ecs.ServerIp, FieldPath.Of("logfold.ip_class.server")),
    ];

    private readonly IpRangeTable<bool> _internalNetworks;
    private readonly bool _setDirection;

    public IpClassEnricher(string name, IpRangeTable<bool> internalNetworks, bool setDirection)
    {
        Name = name;
        _internalNetworks = internalNetworks;
        _setDirection = setDirection;
    }

    public string Name { get; }

    public EnrichOutcome Enrich(EcsDocument doc)
    {
        var seen = false;
        var hit = false;
        Span<IpClass> classes = stackalloc IpClass[2];
        Span<bool> internals = stackalloc bool[2];
        for (var i = 0; i < Endpoints.Length; i++)
        {
            var text = doc.GetString(Endpoints[i].Ip);
            if (text is null)
            {
                continue;
            }

            seen = true;
            if (!IpKey.TryParse(text, out var key))
            {
                continue;
            }

            var c = IpClassifier.Classify(key);
            doc.Set(Endpoints[i].Class, IpClassifier.Name(c));
            hit = true;
            if (i < 2)
            {
                classes[i] = c;
                internals[i] = c is IpClass.Private or IpClass.Loopback or IpClass.LinkLocal or IpClass.Shared || _internalNetworks.TryFind(key, out _);
            }
        }

        if (_setDirection && IsDirectional(classes[0]) && IsDirectional(classes[1]) && !doc.Has(Ecs.NetworkDirection))
        {
            doc.Set(Ecs.NetworkDirection, (internals[0], internals[1]) switch
            {
                (true, true) => "internal",
                (true, false) => "outbound",
                (false, true) => "inbound",
                _ => "external",
            });
        }

        return hit ? EnrichOutcome.Hit : seen ? EnrichOutcome.Miss : EnrichOutcome.Skipped;
    }

    private static bool IsDirectional(IpClass c) => c is not (IpClass.None or IpClass.Multicast or IpClass.Reserved);
}

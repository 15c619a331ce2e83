using System.Diagnostics.CodeAnalysis;
using Logfold.Processing.Enrich.Asn;
using Logfold.Processing.Enrich.CloudRanges;
using Logfold.Processing.Enrich.CommunityId;
using Logfold.Processing.Enrich.GeoIp;
using Logfold.Processing.Enrich.IpClassification;
using Logfold.Processing.Enrich.Mitre;
using Logfold.Processing.Enrich.ThreatIntel;
using Logfold.Processing.Enrich.Assets;
using Logfold.Processing.Enrich.Users;
using Logfold.Processing.Enrich.ReverseDns;
using Logfold.Processing.Enrich.UserAgent;

namespace Logfold.Processing.Enrich;

/// <summary>
/// Maps an enricher type name (the <c>Type</c> of a config entry) to its <see cref="IEnricherFactory"/>.
/// </summary>
/// <remarks>
/// <para><b>Adding a type:</b> implement <see cref="IEnricherFactory"/> next to the enricher (for example
/// <c>Enrich/ThreatIntel/ThreatIntelEnricherFactory.cs</c>) and add one line to <see cref="BuiltIn"/> below.
/// Nothing else changes: options validation, the engine and the docs' type list read this registry.</para>
/// <para>Hosts and tests can also extend a registry at run time with <see cref="With"/>.</para>
/// </remarks>
public sealed class EnricherRegistry
{
    private readonly Dictionary<string, IEnricherFactory> _factories = new(StringComparer.Ordinal);

    /// <summary>Creates a registry of <paramref name="factories"/>; a type registered twice is an error.</summary>
    public EnricherRegistry(IEnumerable<IEnricherFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        foreach (var factory in factories)
        {
            if (!_factories.TryAdd(factory.Type, factory))
            {
                throw new ArgumentException($"The enricher type '{factory.Type}' is registered twice.", nameof(factories));
            }
        }
    }

    /// <summary>The registry with every enricher type built into Logfold.</summary>
    public static EnricherRegistry Default { get; } = new(BuiltIn());

    /// <summary>The registered type names, sorted.</summary>
    public IReadOnlyList<string> Types
    {
        get
        {
            var types = new List<string>(_factories.Keys);
            types.Sort(StringComparer.Ordinal);
            return types;
        }
    }

    /// <summary>Finds the factory of a type.</summary>
    public bool TryGet(string? type, [NotNullWhen(true)] out IEnricherFactory? factory)
    {
        factory = null;
        return type is not null && _factories.TryGetValue(type, out factory);
    }

    /// <summary>A new registry with this one's types plus <paramref name="factory"/>.</summary>
    public EnricherRegistry With(IEnricherFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new EnricherRegistry([.. _factories.Values, factory]);
    }

    // One line per enricher type. The intel lane's types (threat_intel, assets, users, reverse_dns, user_agent)
    // are added here the same way.
    private static IEnumerable<IEnricherFactory> BuiltIn() =>
    [
        new GeoIpEnricherFactory(),
        new AsnEnricherFactory(),
        new IpClassEnricherFactory(),
        new CommunityIdEnricherFactory(),
        new CloudRangesEnricherFactory(),
        new MitreEnricherFactory(),
        new ThreatIntelEnricherFactory(),
        new AssetEnricherFactory(),
        new UserEnricherFactory(),
        new ReverseDnsEnricherFactory(),
        new UserAgentEnricherFactory(),
    ];
}

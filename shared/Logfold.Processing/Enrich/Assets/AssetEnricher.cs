using Logfold.Processing.Enrich.Tables;
using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.Assets;

/// <summary>
/// Adds inventory context for the host, source and destination of an event under
/// <c>logfold.asset.&lt;role&gt;.{name,owner,criticality,environment,business_unit,tags}</c>. For the host
/// role it also fills <c>host.name</c> when the event has none. Per role: an exact IP entry wins, then a
/// hostname entry, then the most specific CIDR block.
/// </summary>
internal sealed class AssetEnricher : IEnricher
{
    private readonly IDataSnapshot<AssetTable> _data;
    private readonly Role[] _roles;

    /// <summary>Creates the enricher.</summary>
    /// <exception cref="ArgumentException">A role name is not one of host, source, destination, client, server.</exception>
    public AssetEnricher(string name, IDataSnapshot<AssetTable> data, AssetSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        _data = data;
        _roles = new Role[settings.Roles.Count];
        for (var i = 0; i < _roles.Length; i++)
        {
            _roles[i] = Role.Create(settings.Roles[i]);
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public EnrichOutcome Enrich(EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var table = _data.Current;
        var looked = false;
        var hit = false;
        foreach (var role in _roles)
        {
            var asset = Find(doc, table, role, ref looked);
            if (asset is null)
            {
                continue;
            }

            hit = true;
            doc.Set(role.Name, asset.Name);
            doc.Set(role.Owner, asset.Owner);
            doc.Set(role.Criticality, asset.Criticality);
            doc.Set(role.Environment, asset.Environment);
            doc.Set(role.BusinessUnit, asset.BusinessUnit);
            foreach (var tag in asset.Tags)
            {
                doc.Add(role.Tags, tag);
            }

            if (role.IsHost)
            {
                doc.SetIfAbsent(Ecs.HostName, asset.Name);
            }
        }

        return hit ? EnrichOutcome.Hit : looked ? EnrichOutcome.Miss : EnrichOutcome.Skipped;
    }

    private static AssetRecord? Find(EcsDocument doc, AssetTable table, Role role, ref bool looked)
    {
        AssetRecord? block = null;
        foreach (var field in role.IpFields)
        {
            if (!doc.TryGet(field, out var value))
            {
                continue;
            }

            looked = true;
            if (value.Kind == FieldKind.String)
            {
                if (ByIp(table, (string)value.Ref!, ref block) is { } exact)
                {
                    return exact;
                }
            }
            else if (value.Array is { } items)
            {
                foreach (var item in items)
                {
                    if (ByIp(table, item, ref block) is { } exact)
                    {
                        return exact;
                    }
                }
            }
        }

        foreach (var field in role.HostFields)
        {
            if (doc.GetString(field) is { } host)
            {
                looked = true;
                if (table.TryGetByHost(host, out var named))
                {
                    return named;
                }
            }
        }

        return block;
    }

    private static AssetRecord? ByIp(AssetTable table, string text, ref AssetRecord? block)
    {
        if (IpKey.TryParse(text, out var key) && table.TryGetByIp(key, out var asset, out var exact))
        {
            if (exact)
            {
                return asset;
            }

            block ??= asset;
        }

        return null;
    }

    private sealed class Role
    {
        public required FieldPath[] IpFields { get; init; }

        public required FieldPath[] HostFields { get; init; }

        public required bool IsHost { get; init; }

        public required FieldPath Name { get; init; }

        public required FieldPath Owner { get; init; }

        public required FieldPath Criticality { get; init; }

        public required FieldPath Environment { get; init; }

        public required FieldPath BusinessUnit { get; init; }

        public required FieldPath Tags { get; init; }

        public static Role Create(string role)
        {
            FieldPath[] ips;
            FieldPath[] hosts;
            switch (role)
            {
                case "host":
                    ips = [FieldPath.Of("host.ip")];
                    hosts = [Ecs.HostName, Ecs.HostHostname];
                    break;
                case "source" or "destination" or "client" or "server":
                    ips = [FieldPath.Of(role + ".ip")];
                    hosts = [FieldPath.Of(role + ".domain")];
                    break;
                default:
                    throw new ArgumentException($"Unknown asset role '{role}' (use host, source, destination, client or server).", nameof(role));
            }

            var prefix = "logfold.asset." + role + ".";
            return new Role
            {
                IpFields = ips,
                HostFields = hosts,
                IsHost = role == "host",
                Name = FieldPath.Of(prefix + "name"),
                Owner = FieldPath.Of(prefix + "owner"),
                Criticality = FieldPath.Of(prefix + "criticality"),
                Environment = FieldPath.Of(prefix + "environment"),
                BusinessUnit = FieldPath.Of(prefix + "business_unit"),
                Tags = FieldPath.Of(prefix + "tags"),
            };
        }
    }
}

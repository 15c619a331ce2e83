using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.GeoIp;

/// <summary>An ECS endpoint object whose <c>ip</c> the MaxMind enrichers look up: source, destination, client, server or host.</summary>
internal sealed class IpEndpoint
{
    private IpEndpoint(string name)
    {
        Name = name;
        Ip = FieldPath.Of(name + ".ip");
    }

    /// <summary>Every endpoint, in lookup order.</summary>
    public static IReadOnlyList<IpEndpoint> All { get; } =
        [new("source"), new("destination"), new("client"), new("server"), new("host")];

    /// <summary>The endpoint name (<c>source</c>...).</summary>
    public string Name { get; }

    /// <summary>Its <c>ip</c> field (for <c>host.ip</c>, an array whose first item is used).</summary>
    public FieldPath Ip { get; }

    /// <summary>The endpoints named in a comma-separated list (all when null); null when a name is unknown.</summary>
    public static IpEndpoint[]? Parse(string? list, out string? unknown)
    {
        unknown = null;
        if (list is null)
        {
            return [.. All];
        }

        var result = new List<IpEndpoint>();
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = false;
            foreach (var e in All)
            {
                if (string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(e);
                    found = true;
                }
            }

            if (!found)
            {
                unknown = name;
                return null;
            }
        }

        return [.. result];
    }
}

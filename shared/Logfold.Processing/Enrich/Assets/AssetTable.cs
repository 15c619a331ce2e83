using System.Collections.Frozen;
using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.Assets;

/// <summary>
/// An asset inventory keyed by IP, CIDR block and hostname. Precedence for an address: an exact IP entry,
/// then (for the enricher) a hostname entry, then the most specific CIDR block. Hostnames compare
/// case-insensitively, and an FQDN that is not listed falls back to its first label. Immutable.
/// </summary>
internal sealed class AssetTable
{
    private static readonly FrozenSet<string> YamlKeys = new[]
    {
        "ip", "ips", "cidr", "cidrs", "hostname", "hostnames", "name", "owner", "criticality", "environment", "business_unit", "tags",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly IpPrefixTable<AssetRecord> _ips;
    private readonly Dictionary<string, AssetRecord>.AlternateLookup<ReadOnlySpan<char>> _hosts;

    private AssetTable(IpPrefixTable<AssetRecord> ips, Dictionary<string, AssetRecord> hosts)
    {
        _ips = ips;
        _hosts = hosts.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = ips.Count + hosts.Count;
    }

    /// <summary>How many keys (addresses, blocks, hostnames) the table holds.</summary>
    public int Count { get; }

    /// <summary>
    /// Loads a CSV (columns <c>ip</c>, <c>cidr</c>, <c>hostname</c> — at least one per row — and <c>name</c>,
    /// <c>owner</c>, <c>criticality</c>, <c>environment</c>, <c>business_unit</c>, <c>tags</c> separated by
    /// <c>;</c>) or YAML (<c>assets:</c> list with the same names; <c>ips</c>, <c>cidrs</c>, <c>hostnames</c>
    /// and <c>tags</c> may be lists) inventory.
    /// </summary>
    /// <exception cref="EnrichmentDataException">The file is missing, too big or broken (the message names file and line).</exception>
    public static AssetTable Load(string path)
    {
        var ips = new IpPrefixTable<AssetRecord>.Builder();
        var hosts = new Dictionary<string, AssetRecord>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in DataRecordReader.Read(path, "assets", YamlKeys))
        {
            var asset = new AssetRecord
            {
                Name = record.Get("name"),
                Owner = record.Get("owner"),
                Criticality = record.Get("criticality"),
                Environment = record.Get("environment"),
                BusinessUnit = record.Get("business_unit"),
                Tags = SplitTags(record.All("tags")),
            };
            var keys = 0;
            foreach (var text in record.All("ip", "ips", "cidr", "cidrs"))
            {
                if (!IpPrefixTable<AssetRecord>.TryParsePrefix(text, out var network, out var length))
                {
                    throw record.Error($"'{text}' is not an IP address or CIDR block.");
                }

                if (!ips.TryAdd(network, length, asset, out _))
                {
                    throw record.Error($"'{text}' is listed twice.");
                }

                keys++;
            }

            foreach (var host in record.All("hostname", "hostnames"))
            {
                var name = host.TrimEnd('.');
                if (name.Length == 0 || name.AsSpan().IndexOfAny(' ', '\t', '/') >= 0)
                {
                    throw record.Error($"'{host}' is not a hostname.");
                }

                if (!hosts.TryAdd(name, asset))
                {
                    throw record.Error($"hostname '{host}' is listed twice.");
                }

                keys++;
            }

            if (keys == 0)
            {
                throw record.Error("the entry has no ip, cidr or hostname to look it up by.");
            }
        }

        return new AssetTable(ips.Build(), hosts);
    }

    /// <summary>The entry for an address: <paramref name="exact"/> tells an IP entry from a CIDR block.</summary>
    public bool TryGetByIp(IpKey address, out AssetRecord asset, out bool exact)
    {
        var found = _ips.TryGet(address, out asset, out var length);
        exact = found && length == (address.IsV4 ? 32 : 128);
        return found;
    }

    /// <summary>The entry for a hostname, or for its first label when the full name is not listed.</summary>
    public bool TryGetByHost(ReadOnlySpan<char> host, out AssetRecord asset)
    {
        host = host.Trim().TrimEnd('.');
        if (host.IsEmpty)
        {
            asset = null!;
            return false;
        }

        if (_hosts.TryGetValue(host, out asset!))
        {
            return true;
        }

        var dot = host.IndexOf('.');
        return dot > 0 && !IpKey.TryParseV4(host, out _) && _hosts.TryGetValue(host[..dot], out asset!);
    }

    private static string[] SplitTags(List<string> values)
    {
        var tags = new List<string>();
        foreach (var value in values)
        {
            foreach (var part in value.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!tags.Contains(part))
                {
                    tags.Add(part);
                }
            }
        }

        return [.. tags];
    }
}

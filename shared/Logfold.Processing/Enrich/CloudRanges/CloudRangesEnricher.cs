using Logfold.Processing.Enrich.Net;
using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.CloudRanges;

/// <summary>
/// <c>cloud_ranges</c>: tags source and destination addresses that belong to a cloud provider's published ranges
/// with <c>logfold.cloud_range.{source,destination}.{provider,region,service}</c>. Files are searched in order;
/// the first that holds the address wins, and within a file the most specific block wins.
/// </summary>
internal sealed class CloudRangesEnricher : IEnricher
{
    private static readonly Endpoint[] Endpoints = [new("source", Ecs.SourceIp), new("destination", Ecs.DestinationIp)];

    private readonly IDataSnapshot<IpRangeTable<CloudRange>>[] _tables;

    public CloudRangesEnricher(string name, IDataSnapshot<IpRangeTable<CloudRange>>[] tables)
    {
        Name = name;
        _tables = tables;
    }

    public string Name { get; }

    public EnrichOutcome Enrich(EcsDocument doc)
    {
        var seen = false;
        var hit = false;
        foreach (var endpoint in Endpoints)
        {
            var text = doc.GetString(endpoint.Ip);
            if (text is null || !IpKey.TryParse(text, out var key))
            {
                continue;
            }

            seen = true;
            foreach (var table in _tables)
            {
                if (table.Current.TryFind(key, out var range))
                {
                    doc.Set(endpoint.Provider, range.Provider);
                    doc.Set(endpoint.Region, range.Region);
                    doc.Set(endpoint.Service, range.Service);
                    hit = true;
                    break;
                }
            }
        }

        return hit ? EnrichOutcome.Hit : seen ? EnrichOutcome.Miss : EnrichOutcome.Skipped;
    }

    private sealed class Endpoint(string name, FieldPath ip)
    {
        public FieldPath Ip { get; } = ip;

        public FieldPath Provider { get; } = FieldPath.Of($"logfold.cloud_range.{name}.provider");

        public FieldPath Region { get; } = FieldPath.Of($"logfold.cloud_range.{name}.region");

        public FieldPath Service { get; } = FieldPath.Of($"logfold.cloud_range.{name}.service");
    }
}

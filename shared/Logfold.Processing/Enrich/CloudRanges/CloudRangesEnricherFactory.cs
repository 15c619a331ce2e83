using Logfold.Processing.Enrich.Net;

namespace Logfold.Processing.Enrich.CloudRanges;

/// <summary>
/// Creates <c>cloud_ranges</c> enrichers from <c>Path</c> and/or <c>Paths</c> (<c>.json</c> files in the AWS
/// ip-ranges format, others as <c>cidr,provider,region,service</c> CSV). Setting: <c>JsonProvider</c>, the provider
/// name for JSON files (default <c>aws</c>).
/// </summary>
internal sealed class CloudRangesEnricherFactory : IEnricherFactory
{
    public string Type => "cloud_ranges";

    public IEnumerable<string> Validate(EnricherOptions options)
    {
        foreach (var problem in EnrichSupport.UnknownSettings(options, "JsonProvider"))
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(options.Path) && options.Paths.Count == 0)
        {
            yield return "Path or Paths is required (AWS ip-ranges .json files or cidr,provider,region,service .csv files).";
        }

        foreach (var p in options.Paths)
        {
            if (string.IsNullOrWhiteSpace(p))
            {
                yield return "Paths has an empty entry.";
            }
        }
    }

    public IEnricher Create(EnricherOptions options, EnricherContext context)
    {
        var provider = options.Setting("JsonProvider")?.ToLowerInvariant() ?? "aws";
        var paths = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            paths.Add(options.Path);
        }

        paths.AddRange(options.Paths);
        var tables = new IDataSnapshot<IpRangeTable<CloudRange>>[paths.Count];
        for (var i = 0; i < paths.Count; i++)
        {
            tables[i] = context.OpenFile(paths[i], p => CloudRangeLoader.Load(p, provider));
        }

        return new CloudRangesEnricher(options.Name, tables);
    }
}

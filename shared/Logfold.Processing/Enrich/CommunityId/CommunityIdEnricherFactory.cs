using System.Globalization;
using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.CommunityId;

/// <summary>
/// Creates <c>community_id</c> enrichers. Settings: <c>Seed</c> (0-65535, default 0), <c>Overwrite</c> (default
/// false), <c>IcmpTypeField</c> (default <c>icmp.type</c>), <c>IcmpCodeField</c> (default <c>icmp.code</c>).
/// </summary>
internal sealed class CommunityIdEnricherFactory : IEnricherFactory
{
    public string Type => "community_id";

    public IEnumerable<string> Validate(EnricherOptions options)
    {
        foreach (var problem in EnrichSupport.UnknownSettings(options, "Seed", "Overwrite", "IcmpTypeField", "IcmpCodeField"))
        {
            yield return problem;
        }

        if (options.Path is not null || options.Paths.Count > 0)
        {
            yield return "Path/Paths are not used by community_id.";
        }

        if (options.Setting("Seed") is { } seed && !ushort.TryParse(seed, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            yield return $"Settings:Seed '{seed}' must be a whole number from 0 to 65535.";
        }

        if (EnrichSupport.BoolSetting(options, "Overwrite", false) is null)
        {
            yield return "Settings:Overwrite must be true or false.";
        }
    }

    public IEnricher Create(EnricherOptions options, EnricherContext context)
    {
        var seed = options.Setting("Seed") is { } s ? ushort.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture) : (ushort)0;
        return new CommunityIdEnricher(
            options.Name,
            seed,
            EnrichSupport.BoolSetting(options, "Overwrite", false) ?? false,
            FieldPath.Of(options.Setting("IcmpTypeField") ?? "icmp.type"),
            FieldPath.Of(options.Setting("IcmpCodeField") ?? "icmp.code"));
    }
}

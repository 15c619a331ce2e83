using Logfold.Processing.Enrich;
using Microsoft.Extensions.Options;

namespace Logfold.Enricher;

/// <summary>
/// Validates the enrichment chain against the enricher types this host has (the registry in DI, so hosts and
/// tests can add types): names, types, conditions and each type's settings. Data files are opened when the
/// engine is built, right after, so a broken file also stops start-up with its path and line.
/// </summary>
internal sealed class EnrichmentOptionsValidator(EnricherRegistry registry) : IValidateOptions<EnrichmentOptions>
{
    public ValidateOptionsResult Validate(string? name, EnrichmentOptions options)
    {
        var failures = new List<string>();
        foreach (var problem in options.Validate(registry))
        {
            failures.Add(problem.ErrorMessage ?? "invalid enrichment setting");
        }

        if (options.ReloadDebounceMilliseconds is < 0 or > 600_000)
        {
            failures.Add($"{EnrichmentOptions.SectionName}:ReloadDebounceMilliseconds must be 0 to 600000.");
        }

        if (options.ReloadPollSeconds is < 0 or > 86_400)
        {
            failures.Add($"{EnrichmentOptions.SectionName}:ReloadPollSeconds must be 0 to 86400.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

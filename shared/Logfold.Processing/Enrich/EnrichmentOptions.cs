using System.ComponentModel.DataAnnotations;

namespace Logfold.Processing.Enrich;

/// <summary>The enrichment chain (config section <c>Logfold:Enrichment</c>).</summary>
public sealed class EnrichmentOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Logfold:Enrichment";

    /// <summary>The enrichers, run in this order.</summary>
    public List<EnricherOptions> Enrichers { get; set; } = [];

    /// <summary>The directory relative data paths resolve against (default: the working directory).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>How long a changed data file must stay quiet before it is reloaded.</summary>
    [Range(0, 600_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 500;

    /// <summary>When above 0, also poll data files for changes at this interval (for mounts without change events).</summary>
    [Range(0, 86_400)]
    public int ReloadPollSeconds { get; set; }

    /// <summary>The watch settings every data file uses.</summary>
    public ReloadingFileOptions ToReloadOptions() => new()
    {
        Debounce = TimeSpan.FromMilliseconds(ReloadDebounceMilliseconds),
        PollInterval = ReloadPollSeconds > 0 ? TimeSpan.FromSeconds(ReloadPollSeconds) : null,
    };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => Validate(EnricherRegistry.Default);

    /// <summary>Checks names, types, conditions and every type's own settings against <paramref name="registry"/>.</summary>
    public IEnumerable<ValidationResult> Validate(EnricherRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var results = new List<ValidationResult>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Enrichers.Count; i++)
        {
            var e = Enrichers[i];
            var at = $"{SectionName}:Enrichers:{i}";
            if (e is null)
            {
                results.Add(new ValidationResult($"{at}: empty entry."));
                continue;
            }

            var label = string.IsNullOrEmpty(e.Name) ? at : $"{at} ('{e.Name}')";
            if (!IsValidName(e.Name))
            {
                results.Add(new ValidationResult($"{label}: Name is required and may hold only a-z, 0-9, '_' and '-' (at most 64 characters)."));
            }
            else if (!names.Add(e.Name))
            {
                results.Add(new ValidationResult($"{label}: the name '{e.Name}' is used twice."));
            }

            if (!registry.TryGet(e.Type, out var factory))
            {
                results.Add(new ValidationResult($"{label}: Type '{e.Type}' is not a known enricher type; known types: {string.Join(", ", registry.Types)}."));
                continue;
            }

            foreach (var source in e.When.Source)
            {
                if (string.IsNullOrWhiteSpace(source))
                {
                    results.Add(new ValidationResult($"{label}: When:Source has an empty entry."));
                }
            }

            foreach (var field in e.When.FieldPresent)
            {
                if (!IsValidFieldName(field))
                {
                    results.Add(new ValidationResult($"{label}: When:FieldPresent '{field}' is not a dotted field name."));
                }
            }

            if (!e.Enabled)
            {
                continue;
            }

            foreach (var problem in factory.Validate(e))
            {
                results.Add(new ValidationResult($"{label}: {problem}"));
            }
        }

        return results;
    }

    private static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidFieldName(string? field) =>
        !string.IsNullOrWhiteSpace(field) && field[0] != '.' && field[^1] != '.' && !field.Contains("..", StringComparison.Ordinal) &&
        !field.Contains(' ', StringComparison.Ordinal);
}

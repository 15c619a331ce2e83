using System.ComponentModel.DataAnnotations;

namespace Logfold.Processing.Pipeline;

/// <summary>Normalization settings (config section <c>Logfold:Normalize</c>), shared by the CLI and every service.</summary>
public sealed class NormalizeOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Logfold:Normalize";

    /// <summary>The zone for times that carry none: an IANA name or a fixed offset such as <c>+09:30</c>. Default UTC.</summary>
    public string Timezone { get; set; } = "UTC";

    /// <summary>The zone PAN-OS devices are configured with; defaults to <see cref="Timezone"/>.</summary>
    public string? PanOsTimezone { get; set; }

    /// <summary>Keep the raw text in <c>event.original</c>.</summary>
    public bool KeepOriginal { get; set; }

    /// <summary>Set <c>event.created</c> to the processing time when the source gives none.</summary>
    public bool SetEventCreated { get; set; }

    /// <summary>The largest raw event accepted; larger ones are dead-lettered as <c>too_large</c>.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxEventBytes { get; set; } = LogNormalizer.DefaultMaxEventBytes;

    /// <summary>Builds the immutable context the pipeline uses.</summary>
    public NormalizeContext ToContext(TimeProvider clock) => new()
    {
        DefaultTimeZone = TimeZones.Parse(Timezone) ?? throw new ValidationException($"Logfold:Normalize:Timezone '{Timezone}' is not a zone."),
        PanOsTimeZone = PanOsTimezone is null ? null : TimeZones.Parse(PanOsTimezone) ?? throw new ValidationException($"Logfold:Normalize:PanOsTimezone '{PanOsTimezone}' is not a zone."),
        Clock = clock,
        KeepOriginal = KeepOriginal,
        SetEventCreated = SetEventCreated,
    };

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TimeZones.Parse(Timezone) is null)
        {
            yield return new ValidationResult($"Timezone '{Timezone}' is neither an IANA zone name nor an offset such as +09:30.", [nameof(Timezone)]);
        }

        if (PanOsTimezone is not null && TimeZones.Parse(PanOsTimezone) is null)
        {
            yield return new ValidationResult($"PanOsTimezone '{PanOsTimezone}' is neither an IANA zone name nor an offset such as +09:30.", [nameof(PanOsTimezone)]);
        }
    }
}

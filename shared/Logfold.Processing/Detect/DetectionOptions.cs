using System.ComponentModel.DataAnnotations;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Detect;

/// <summary>Detection settings (config section <c>Logfold:Detection</c>).</summary>
public sealed class DetectionOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Logfold:Detection";

    /// <summary>
    /// Minimum confidence per source type; an event whose best score is below its type's threshold becomes
    /// <c>unknown</c> with the guess recorded. Defaults: windows 0.90, linux 0.85, paloalto 0.88, cloudtrail 0.90.
    /// </summary>
    public Dictionary<string, double> Thresholds { get; init; } = new(StringComparer.Ordinal)
    {
        [SourceTypes.WindowsEvent] = 0.90,
        [SourceTypes.LinuxSyslog] = 0.85,
        [SourceTypes.PaloAlto] = 0.88,
        [SourceTypes.AwsCloudTrail] = 0.90,
    };

    /// <summary>The threshold for a source type without its own entry.</summary>
    [Range(0.0, 1.0)]
    public double DefaultThreshold { get; set; } = 0.85;

    /// <summary>The threshold that applies to <paramref name="sourceType"/>.</summary>
    public double ThresholdFor(string sourceType) =>
        Thresholds.TryGetValue(sourceType, out var t) ? t : DefaultThreshold;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in Thresholds)
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                yield return new ValidationResult($"Detection threshold for '{name}' must be in [0,1], was {value}.", [nameof(Thresholds)]);
            }
        }
    }
}

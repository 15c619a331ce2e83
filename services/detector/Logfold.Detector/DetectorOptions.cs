using System.ComponentModel.DataAnnotations;
using Logfold.Processing.Pipeline;

namespace Logfold.Detector;

/// <summary>The detector's own settings (config section <c>Logfold:Detector</c>).</summary>
public sealed class DetectorOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Logfold:Detector";

    /// <summary>The largest raw event accepted; larger ones are dead-lettered as <c>too_large</c>.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxEventBytes { get; set; } = LogNormalizer.DefaultMaxEventBytes;
}

using System.ComponentModel.DataAnnotations;
using Logfold.Processing.Detect;
using Logfold.Processing.Pipeline;
using Microsoft.Extensions.Configuration;

namespace Logfold.Cli;

/// <summary>
/// The CLI's settings: the same YAML sections the services read (<c>Logfold:Detection</c>,
/// <c>Logfold:Normalize</c>), from <c>--config PATH</c>, with command-line flags taking precedence.
/// Unknown keys and invalid values are errors.
/// </summary>
internal sealed class CliConfig
{
    public DetectionOptions Detection { get; private init; } = new();

    public NormalizeOptions Normalize { get; private init; } = new();

    public static CliConfig Load(string? path)
    {
        if (path is null)
        {
            return new CliConfig();
        }

        if (!File.Exists(path))
        {
            throw new CliUsageException($"--config '{path}' does not exist.");
        }

        var configuration = new ConfigurationBuilder().AddYamlFile(Path.GetFullPath(path), optional: false).Build();
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Logfold" };
        foreach (var section in configuration.GetChildren())
        {
            if (!known.Contains(section.Key))
            {
                throw new CliUsageException($"--config: unknown top-level key '{section.Key}' (expected 'Logfold').");
            }
        }

        var detection = new DetectionOptions();
        var normalize = new NormalizeOptions();
        try
        {
            configuration.GetSection(DetectionOptions.SectionName).Bind(detection, o => o.ErrorOnUnknownConfiguration = true);
            configuration.GetSection(NormalizeOptions.SectionName).Bind(normalize, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new CliUsageException($"--config: {ex.Message}");
        }

        Validate(detection, DetectionOptions.SectionName);
        Validate(normalize, NormalizeOptions.SectionName);
        return new CliConfig { Detection = detection, Normalize = normalize };
    }

    private static void Validate(object options, string section)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new CliUsageException($"--config: {section}: {string.Join("; ", results.Select(r => r.ErrorMessage))}");
        }
    }
}

using Microsoft.Extensions.Options;

namespace Logfold.Serialization;

/// <summary>Checks <see cref="SerializationOptions"/> on start, with messages that name the key to fix.</summary>
internal sealed class SerializationOptionsValidator : IValidateOptions<SerializationOptions>
{
    private const string Prefix = SerializationOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SerializationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Format))
        {
            failures.Add($"{Prefix}Format must be json or avro.");
        }

        if (options.MaxRecordBytes is < 1024 or > 64 * 1024 * 1024)
        {
            failures.Add($"{Prefix}MaxRecordBytes must be between 1024 and 67108864.");
        }

        if (options.MaxNewFieldPaths is < 0 or > 1_000_000)
        {
            failures.Add($"{Prefix}MaxNewFieldPaths must be between 0 and 1000000.");
        }

        if (string.IsNullOrWhiteSpace(options.DetectedTopic) || string.IsNullOrWhiteSpace(options.NormalizedTopic))
        {
            failures.Add($"{Prefix}DetectedTopic and {Prefix}NormalizedTopic must not be empty.");
        }

        var usesAvro = options.Format == SerializationFormat.Avro;
        foreach (var (topic, topicOptions) in options.Topics)
        {
            if (string.IsNullOrWhiteSpace(topic))
            {
                failures.Add($"{Prefix}Topics has an empty topic name.");
            }

            if (topicOptions?.Format is { } format)
            {
                usesAvro |= format == SerializationFormat.Avro;
                if (!Enum.IsDefined(format))
                {
                    failures.Add($"{Prefix}Topics:{topic}:Format must be json or avro.");
                }
            }
        }

        var registry = options.SchemaRegistry ?? new SchemaRegistryOptions();
        if (usesAvro)
        {
            if (!Uri.TryCreate(registry.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                failures.Add($"{Prefix}SchemaRegistry:Url must be an absolute http or https URL when a topic uses avro.");
            }
            else if (!string.IsNullOrEmpty(url.UserInfo))
            {
                failures.Add($"{Prefix}SchemaRegistry:Url must not carry credentials; set SchemaRegistry:Username and SchemaRegistry:Password.");
            }
        }

        if (string.IsNullOrEmpty(registry.Username) != string.IsNullOrEmpty(registry.Password))
        {
            failures.Add($"{Prefix}SchemaRegistry:Username and SchemaRegistry:Password must be set together.");
        }

        if (registry.RequestTimeoutMs is < 100 or > 300_000)
        {
            failures.Add($"{Prefix}SchemaRegistry:RequestTimeoutMs must be between 100 and 300000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using System.Collections.Concurrent;
using Avro;

namespace Logfold.Serialization.Avro;

/// <summary>The Avro schemas of <c>schemas/</c>, embedded in this assembly and parsed once.</summary>
internal static class AvroSchemas
{
    /// <summary>The <c>logs.detected</c> record.</summary>
    public const string DetectedRecord = "DetectedRecord";

    /// <summary>The <c>logs.normalized</c> record.</summary>
    public const string NormalizedEvent = "NormalizedEvent";

    /// <summary>The DLQ envelope record.</summary>
    public const string DlqEnvelope = "DlqEnvelope";

    private static readonly ConcurrentDictionary<string, RecordSchema> Parsed = new(StringComparer.Ordinal);

    /// <summary>The schema file's text.</summary>
    public static string Text(string name)
    {
        using var stream = typeof(AvroSchemas).Assembly.GetManifestResourceStream($"logfold.v1.{name}.avsc")
            ?? throw new InvalidOperationException($"The schema {name}.avsc is not embedded in {typeof(AvroSchemas).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The parsed schema.</summary>
    public static RecordSchema Get(string name) => Parsed.GetOrAdd(name, static n => (RecordSchema)Schema.Parse(Text(n)));
}

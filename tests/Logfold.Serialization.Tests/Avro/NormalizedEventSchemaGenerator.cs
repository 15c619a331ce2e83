using System.Buffers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Logfold.Processing.Model;

namespace Logfold.Serialization.Tests.Avro;

/// <summary>
/// Writes schemas/NormalizedEvent.avsc from what the core produces: every field the golden events hold and every
/// <see cref="FieldPath"/> the processing assembly declares, under the ECS field sets that get typed slots, with the
/// kind the golden events show (or a kind guessed from the ECS name). Fields are sorted, so the output is stable.
/// Run the schema test with LOGFOLD_UPDATE_SCHEMA=1 to rewrite the file; then check it against schemas/history.
/// </summary>
internal static class NormalizedEventSchemaGenerator
{
    /// <summary>The top-level ECS field sets with typed slots; anything else goes to the <c>other</c> map.</summary>
    public static readonly string[] TypedRoots =
    [
        "@timestamp", "message", "tags", "agent", "client", "cloud", "container", "destination", "dns", "ecs", "error", "event",
        "file", "group", "host", "http", "log", "network", "observer", "organization", "process", "registry", "related", "rule",
        "server", "service", "source", "threat", "tls", "url", "user", "user_agent",
    ];

    // ECS geo and autonomous-system fields under the endpoints, which enrichment adds.
    private static readonly string[] Endpoints = ["source", "destination", "client", "server"];

    private static readonly string[] GeoStrings =
        ["city_name", "continent_code", "continent_name", "country_iso_code", "country_name", "postal_code", "region_iso_code", "region_name", "timezone"];

    private static readonly HashSet<string> LongLeaves = new(StringComparer.Ordinal)
    {
        "port", "bytes", "packets", "pid", "ppid", "duration", "priority", "status_code", "size", "uptime", "sequence", "number", "severity",
    };

    private static readonly HashSet<string> TimestampLeaves = new(StringComparer.Ordinal)
    {
        "@timestamp", "created", "start", "end", "ingested", "mtime", "ctime", "accessed", "first_seen", "last_seen", "not_after", "not_before",
    };

    public static Dictionary<string, FieldKind> CollectFields()
    {
        var observed = new Dictionary<string, Dictionary<FieldKind, int>>(StringComparer.Ordinal);
        var fields = new List<FieldPath>();
        foreach (var c in Logfold.Testing.GoldenFile.AllCases())
        {
            GoldenDocuments.ForEach(c, doc =>
            {
                fields.Clear();
                doc.CollectFields(fields);
                foreach (var path in fields)
                {
                    doc.TryGet(path, out var value);
                    var kinds = observed.TryGetValue(path.Name, out var k) ? k : observed[path.Name] = [];
                    kinds[value.Kind] = kinds.GetValueOrDefault(value.Kind) + 1;
                }
            });
        }

        var result = new Dictionary<string, FieldKind>(StringComparer.Ordinal);
        foreach (var name in DeclaredNames())
        {
            result[name] = Guess(name);
        }

        foreach (var (name, kinds) in observed)
        {
            result[name] = kinds.MaxBy(k => k.Value).Key;
        }

        foreach (var name in result.Keys.ToList())
        {
            if (!TypedRoots.Contains(name.Split('.')[0]) || result[name] is FieldKind.Map or FieldKind.RawJson or FieldKind.None)
            {
                result.Remove(name);
            }
        }

        return result;
    }

    public static string Generate(Dictionary<string, FieldKind> fields)
    {
        var tree = new TreeNode();
        foreach (var (name, kind) in fields)
        {
            var node = tree;
            foreach (var segment in name.Split('.'))
            {
                node = node.Children.TryGetValue(segment, out var child) ? child : node.Children[segment] = new TreeNode();
            }

            node.Kind = kind;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "record");
            writer.WriteString("name", "NormalizedEvent");
            writer.WriteString("namespace", "logfold.v1");
            writer.WriteString("doc", "One ECS-normalized event on logs.normalized. ECS field sets are nested optional records; every value without a typed slot (source-specific fields, data-named maps, raw JSON, values of another kind, sub-microsecond timestamps) is in 'other' under its dotted ECS path, so no information is lost. Generated from the core's fields; see schemas/README.md.");
            writer.WriteStartArray("fields");
            WriteFields(writer, tree, string.Empty);
            writer.WriteStartObject();
            writer.WriteString("name", "other");
            writer.WriteString("doc", "Every field without a typed slot, keyed by its dotted path (for example winlog.event_data or aws.cloudtrail.request_parameters).");
            writer.WritePropertyName("type");
            writer.WriteRawValue(AnyValueMap, skipInputValidation: false);
            writer.WriteStartObject("default");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private const string AnyValueMap = """
        {"type":"map","values":{"type":"record","name":"AnyValue","doc":"A value of any kind the core produces.","fields":[{"name":"value","type":["null","string","long","double","boolean",{"type":"record","name":"Instant","doc":"An instant with .NET tick precision: unix_micros plus hundred_nanos (0-9) of 100 ns.","fields":[{"name":"unix_micros","type":{"type":"long","logicalType":"timestamp-micros"}},{"name":"hundred_nanos","type":"int","default":0}]},{"type":"array","items":"string"},{"type":"map","values":"AnyValue"},{"type":"record","name":"RawJson","doc":"A JSON value kept verbatim.","fields":[{"name":"json","type":"string"}]}]}]}}
        """;

    private static void WriteFields(Utf8JsonWriter writer, TreeNode node, string prefix)
    {
        foreach (var (leaf, child) in node.Children.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var path = prefix.Length == 0 ? leaf : prefix + "." + leaf;
            if (child.Children.Count == 0 && child.Kind == FieldKind.None)
            {
                continue;
            }

            writer.WriteStartObject();
            var avroName = AvroName(leaf);
            writer.WriteString("name", avroName);
            if (avroName != leaf)
            {
                writer.WriteString("logfold.field", leaf);
            }

            writer.WritePropertyName("type");
            writer.WriteStartArray();
            writer.WriteStringValue("null");
            if (child.Children.Count > 0)
            {
                writer.WriteStartObject();
                writer.WriteString("type", "record");
                writer.WriteString("name", RecordName(path));
                writer.WriteStartArray("fields");
                WriteFields(writer, child, path);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            else
            {
                WriteType(writer, child.Kind);
            }

            writer.WriteEndArray();
            writer.WriteNull("default");
            writer.WriteEndObject();
        }
    }

    private static void WriteType(Utf8JsonWriter writer, FieldKind kind)
    {
        switch (kind)
        {
            case FieldKind.Long:
                writer.WriteStringValue("long");
                break;
            case FieldKind.Double:
                writer.WriteStringValue("double");
                break;
            case FieldKind.Bool:
                writer.WriteStringValue("boolean");
                break;
            case FieldKind.Timestamp:
                writer.WriteStartObject();
                writer.WriteString("type", "long");
                writer.WriteString("logicalType", "timestamp-micros");
                writer.WriteEndObject();
                break;
            case FieldKind.StringArray:
                writer.WriteStartObject();
                writer.WriteString("type", "array");
                writer.WriteString("items", "string");
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue("string");
                break;
        }
    }

    private static string AvroName(string leaf)
    {
        var name = new StringBuilder();
        foreach (var c in leaf)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        var text = name.ToString().TrimStart('_');
        return text.Length == 0 || char.IsAsciiDigit(text[0]) ? "_" + text : text;
    }

    private static string RecordName(string path)
    {
        var name = new StringBuilder();
        foreach (var segment in path.Split('.', '_'))
        {
            var clean = AvroName(segment);
            name.Append(char.ToUpperInvariant(clean[0])).Append(clean.AsSpan(1));
        }

        return name.ToString();
    }

    private static IEnumerable<string> DeclaredNames()
    {
        foreach (var type in typeof(FieldPath).Assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (field.FieldType == typeof(FieldPath) && !type.ContainsGenericParameters && field.GetValue(null) is FieldPath path && path.Depth > 0)
                {
                    yield return path.Name;
                }
            }
        }

        foreach (var endpoint in Endpoints)
        {
            foreach (var leaf in GeoStrings)
            {
                yield return $"{endpoint}.geo.{leaf}";
            }

            yield return $"{endpoint}.geo.location.lat";
            yield return $"{endpoint}.geo.location.lon";
            yield return $"{endpoint}.as.number";
            yield return $"{endpoint}.as.organization.name";
        }
    }

    private static FieldKind Guess(string name)
    {
        var leaf = name[(name.LastIndexOf('.') + 1)..];
        if (name.EndsWith(".geo.location.lat", StringComparison.Ordinal) || name.EndsWith(".geo.location.lon", StringComparison.Ordinal))
        {
            return FieldKind.Double;
        }

        if (name.StartsWith("related.", StringComparison.Ordinal) || name is "tags" or "event.category" or "event.type" or "process.args" or "user.roles")
        {
            return FieldKind.StringArray;
        }

        if (TimestampLeaves.Contains(leaf))
        {
            return FieldKind.Timestamp;
        }

        return LongLeaves.Contains(leaf) || name.EndsWith(".code", StringComparison.Ordinal) && name.StartsWith("log.syslog", StringComparison.Ordinal)
            ? FieldKind.Long
            : FieldKind.String;
    }

    private sealed class TreeNode
    {
        public Dictionary<string, TreeNode> Children { get; } = new(StringComparer.Ordinal);

        public FieldKind Kind { get; set; }
    }
}

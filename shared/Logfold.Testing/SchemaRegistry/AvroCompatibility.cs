using Avro;

namespace Logfold.Testing.SchemaRegistry;

/// <summary>
/// Avro schema compatibility by the specification's schema-resolution rules: can a reader schema read data written
/// with a writer schema? Records match by name; a reader field missing from the writer needs a default; writer
/// fields the reader drops are fine; types must match or promote (int→long→float→double, string↔bytes); enums may
/// only lose writer symbols if the reader has a default; unions resolve branch by branch.
/// </summary>
public static class AvroCompatibility
{
    /// <summary>The problems that stop <paramref name="reader"/> from reading data written with <paramref name="writer"/>; empty when it can.</summary>
    public static IReadOnlyList<string> CanRead(Schema reader, Schema writer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        var problems = new List<string>();
        Check(reader, writer, "$", problems, []);
        return problems;
    }

    /// <summary>
    /// The problems with registering <paramref name="candidate"/> after <paramref name="previous"/> (oldest first)
    /// at <paramref name="level"/>; empty when it is compatible.
    /// </summary>
    public static IReadOnlyList<string> Check(Schema candidate, IReadOnlyList<Schema> previous, CompatibilityLevel level)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(previous);
        var problems = new List<string>();
        if (previous.Count == 0 || level == CompatibilityLevel.None)
        {
            return problems;
        }

        var transitive = level is CompatibilityLevel.BackwardTransitive or CompatibilityLevel.ForwardTransitive or CompatibilityLevel.FullTransitive;
        var backward = level is CompatibilityLevel.Backward or CompatibilityLevel.BackwardTransitive or CompatibilityLevel.Full or CompatibilityLevel.FullTransitive;
        var forward = level is CompatibilityLevel.Forward or CompatibilityLevel.ForwardTransitive or CompatibilityLevel.Full or CompatibilityLevel.FullTransitive;
        for (var i = transitive ? 0 : previous.Count - 1; i < previous.Count; i++)
        {
            if (backward)
            {
                foreach (var p in CanRead(candidate, previous[i]))
                {
                    problems.Add($"reading data written with version {i + 1}: {p}");
                }
            }

            if (forward)
            {
                foreach (var p in CanRead(previous[i], candidate))
                {
                    problems.Add($"version {i + 1} reading data written with the new schema: {p}");
                }
            }
        }

        return problems;
    }

    private static void Check(Schema reader, Schema writer, string path, List<string> problems, HashSet<(string, string)> visited)
    {
        reader = Unwrap(reader);
        writer = Unwrap(writer);
        if (writer is UnionSchema writerUnion)
        {
            foreach (var branch in writerUnion.Schemas)
            {
                Check(reader, branch, path, problems, visited);
            }

            return;
        }

        if (reader is UnionSchema readerUnion)
        {
            foreach (var branch in readerUnion.Schemas)
            {
                var attempt = new List<string>();
                Check(branch, writer, path, attempt, new HashSet<(string, string)>(visited));
                if (attempt.Count == 0)
                {
                    return;
                }
            }

            problems.Add($"{path}: no branch of the reader's union can read the writer's {Describe(writer)}.");
            return;
        }

        switch (reader, writer)
        {
            case (RecordSchema r, RecordSchema w):
                CheckRecord(r, w, path, problems, visited);
                return;
            case (EnumSchema r, EnumSchema w):
                if (r.Name != w.Name)
                {
                    problems.Add($"{path}: enum {w.Name} was renamed to {r.Name}.");
                    return;
                }

                foreach (var symbol in w.Symbols)
                {
                    if (!r.Contains(symbol) && r.Default is null)
                    {
                        problems.Add($"{path}: enum symbol {symbol} was removed and the reader has no default.");
                    }
                }

                return;
            case (ArraySchema r, ArraySchema w):
                Check(r.ItemSchema, w.ItemSchema, path + "[]", problems, visited);
                return;
            case (MapSchema r, MapSchema w):
                Check(r.ValueSchema, w.ValueSchema, path + "{}", problems, visited);
                return;
            case (FixedSchema r, FixedSchema w):
                if (r.Name != w.Name || r.Size != w.Size)
                {
                    problems.Add($"{path}: fixed {w.Name}({w.Size}) cannot be read as {r.Name}({r.Size}).");
                }

                return;
            case (PrimitiveSchema r, PrimitiveSchema w):
                if (r.Tag != w.Tag && !Promotes(w.Tag, r.Tag))
                {
                    problems.Add($"{path}: the writer's {Describe(w)} cannot be read as {Describe(r)}.");
                }

                return;
            default:
                problems.Add($"{path}: the writer's {Describe(writer)} cannot be read as {Describe(reader)}.");
                return;
        }
    }

    private static void CheckRecord(RecordSchema reader, RecordSchema writer, string path, List<string> problems, HashSet<(string, string)> visited)
    {
        if (reader.Name != writer.Name)
        {
            problems.Add($"{path}: record {writer.Name} cannot be read as record {reader.Name}.");
            return;
        }

        if (!visited.Add((reader.Fullname, writer.Fullname)))
        {
            return;
        }

        foreach (var field in reader.Fields)
        {
            var written = FindField(writer, field);
            if (written is null)
            {
                if (field.DefaultValue is null)
                {
                    problems.Add($"{path}.{field.Name}: the field was added without a default.");
                }

                continue;
            }

            Check(field.Schema, written.Schema, path + "." + field.Name, problems, visited);
        }
    }

    private static Field? FindField(RecordSchema writer, Field readerField)
    {
        if (writer.TryGetField(readerField.Name, out var field))
        {
            return field;
        }

        if (readerField.Aliases is { } aliases)
        {
            foreach (var alias in aliases)
            {
                if (writer.TryGetField(alias, out field))
                {
                    return field;
                }
            }
        }

        return null;
    }

    private static Schema Unwrap(Schema schema) => schema is LogicalSchema logical ? logical.BaseSchema : schema;

    private static bool Promotes(Schema.Type writer, Schema.Type reader) => (writer, reader) switch
    {
        (Schema.Type.Int, Schema.Type.Long or Schema.Type.Float or Schema.Type.Double) => true,
        (Schema.Type.Long, Schema.Type.Float or Schema.Type.Double) => true,
        (Schema.Type.Float, Schema.Type.Double) => true,
        (Schema.Type.String, Schema.Type.Bytes) => true,
        (Schema.Type.Bytes, Schema.Type.String) => true,
        _ => false,
    };

    private static string Describe(Schema schema) => schema switch
    {
        NamedSchema named => $"{schema.Tag.ToString().ToLowerInvariant()} {named.Name}",
        _ => schema.Tag.ToString().ToLowerInvariant(),
    };
}

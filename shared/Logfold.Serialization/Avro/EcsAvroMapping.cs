using System.Collections.Concurrent;
using System.Text.Json;
using Avro;
using Avro.Generic;
using Logfold.Contracts;
using Logfold.Processing.Model;

namespace Logfold.Serialization.Avro;

/// <summary>
/// Maps an <see cref="EcsDocument"/> to a <c>logfold.v1.NormalizedEvent</c> record and back. The mapping is read
/// from the schema itself (any version: a record field is a nested ECS object, a scalar or string-array field is a
/// typed slot, its path being the field names joined by dots or the field's <c>logfold.field</c> property), so
/// records written with an older schema decode correctly. A value with no typed slot of its kind goes to the
/// <c>other</c> map under its dotted path, as an <c>AnyValue</c>; so does a timestamp finer than the microsecond
/// a typed slot holds (the typed slot keeps the microsecond value for other consumers). Nothing is lost.
/// </summary>
internal sealed class EcsAvroMapping
{
    /// <summary>The field property naming the ECS leaf when it is not a valid Avro name (<c>@timestamp</c>).</summary>
    public const string FieldProperty = "logfold.field";

    /// <summary>The map field that holds every value without a typed slot.</summary>
    public const string OtherField = "other";

    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    private static readonly ConcurrentDictionary<RecordSchema, EcsAvroMapping> ByWriterSchema = new(ReferenceEqualityComparer.Instance);

    private readonly Dictionary<FieldPath, Slot> _slots = [];
    private readonly List<Node> _nodes = [];
    private readonly int _otherPos;
    private readonly RecordSchema _anyValue;
    private readonly RecordSchema _instant;
    private readonly RecordSchema _rawJson;

    private EcsAvroMapping(RecordSchema schema)
    {
        Schema = schema;
        Build(schema, FieldPath.Root, null, -1);
        var other = schema.Fields.Find(f => f.Name == OtherField)
            ?? throw new InvalidOperationException($"The schema {schema.Fullname} has no '{OtherField}' map.");
        _otherPos = other.Pos;
        _anyValue = (RecordSchema)((MapSchema)other.Schema).ValueSchema;
        var union = (UnionSchema)_anyValue.Fields[0].Schema;
        _instant = (RecordSchema)union.Schemas.First(s => s is RecordSchema r && r.Name == "Instant");
        _rawJson = (RecordSchema)union.Schemas.First(s => s is RecordSchema r && r.Name == "RawJson");
    }

    /// <summary>The record schema this mapping reads and writes.</summary>
    public RecordSchema Schema { get; }

    /// <summary>How many typed slots the schema has.</summary>
    public int SlotCount => _slots.Count;

    /// <summary>The mapping for a schema (cached per schema instance: readers are cached per schema id, and Avro schemas compare structurally, which is slow for this one).</summary>
    public static EcsAvroMapping For(RecordSchema schema) => ByWriterSchema.GetOrAdd(schema, static s => new EcsAvroMapping(s));

    /// <summary>The kind of the typed slot for <paramref name="path"/>, or <see cref="FieldKind.None"/>.</summary>
    public FieldKind SlotKind(FieldPath path) => _slots.TryGetValue(path, out var slot) ? slot.Kind : FieldKind.None;

    /// <summary>Builds the record for a document.</summary>
    public GenericRecord ToRecord(EcsDocument doc, List<FieldPath> scratch)
    {
        scratch.Clear();
        doc.CollectFields(scratch);
        var records = new GenericRecord?[_nodes.Count];
        var root = new GenericRecord(Schema);
        records[0] = root;
        var other = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var path in scratch)
        {
            doc.TryGet(path, out var value);
            if (_slots.TryGetValue(path, out var slot) && slot.Kind == value.Kind)
            {
                Ensure(slot.Owner, records).Add(slot.Pos, ToTyped(value));
                if (value.Kind == FieldKind.Timestamp && value.Timestamp.UtcTicks % TicksPerMicrosecond != 0)
                {
                    other[path.Name] = ToAny(value);
                }
            }
            else
            {
                other[path.Name] = ToAny(value);
            }
        }

        root.Add(_otherPos, other);
        return root;
    }

    /// <summary>Fills a document from a record of this mapping's schema.</summary>
    /// <exception cref="RecordFormatException">A value does not fit its field.</exception>
    public void ToDocument(GenericRecord record, EcsDocument doc, FieldPathBudget budget)
    {
        Walk(_nodes[0], record, doc);
        if (record.GetValue(_otherPos) is IDictionary<string, object> other)
        {
            foreach (var (name, any) in other)
            {
                var path = budget.Resolve(name);
                var value = FromAny(any);
                switch (value.Kind)
                {
                    case FieldKind.None:
                        doc.SetRawJson(path, "null");
                        break;
                    case FieldKind.StringArray:
                        doc.Remove(path);
                        foreach (var item in (List<string>)value.Ref!)
                        {
                            doc.Add(path, item);
                        }

                        break;
                    case FieldKind.Map:
                        var target = doc.Map(path);
                        var source = (FieldMap)value.Ref!;
                        for (var i = 0; i < source.Count; i++)
                        {
                            target.Set(source[i].Key, source[i].Value);
                        }

                        break;
                    default:
                        doc.Set(path, value);
                        break;
                }
            }
        }
    }

    private static object ToTyped(in FieldValue value) => value.Kind switch
    {
        FieldKind.String => (string)value.Ref!,
        FieldKind.Long => value.Long,
        FieldKind.Double => value.Double,
        FieldKind.Bool => value.Bool,
        FieldKind.Timestamp => new DateTime(value.Timestamp.UtcTicks, DateTimeKind.Utc),
        FieldKind.StringArray => ((List<string>)value.Ref!).ToArray(),
        _ => throw new InvalidOperationException($"No typed slot holds {value.Kind}."),
    };

    private static FieldValue FromTyped(Slot slot, object value)
    {
        switch (slot.Kind)
        {
            case FieldKind.String when value is string s:
                return FieldValue.Of(s);
            case FieldKind.Long when value is long l:
                return FieldValue.Of(l);
            case FieldKind.Double when value is double d:
                return FieldValue.Of(d);
            case FieldKind.Bool when value is bool b:
                return FieldValue.Of(b);
            case FieldKind.Timestamp when value is DateTime t:
                return FieldValue.Of(new DateTimeOffset(t.ToUniversalTime().Ticks, TimeSpan.Zero));
            case FieldKind.StringArray when value is object[] items:
                var list = new List<string>(items.Length);
                foreach (var item in items)
                {
                    list.Add(item as string ?? throw new RecordFormatException($"{slot.Path} holds a non-string item."));
                }

                return FieldValue.OfArray(list);
            default:
                throw new RecordFormatException($"{slot.Path} holds a {value.GetType().Name}, not {slot.Kind}.");
        }
    }

    private GenericRecord ToAny(in FieldValue value)
    {
        var any = new GenericRecord(_anyValue);
        object? inner;
        switch (value.Kind)
        {
            case FieldKind.String:
                inner = (string)value.Ref!;
                break;
            case FieldKind.Long:
                inner = value.Long;
                break;
            case FieldKind.Double:
                inner = value.Double;
                break;
            case FieldKind.Bool:
                inner = value.Bool;
                break;
            case FieldKind.Timestamp:
                var instant = new GenericRecord(_instant);
                var ticks = value.Timestamp.UtcTicks;
                var extra = (int)(((ticks % TicksPerMicrosecond) + TicksPerMicrosecond) % TicksPerMicrosecond);
                instant.Add(0, new DateTime(ticks - extra, DateTimeKind.Utc));
                instant.Add(1, extra);
                inner = instant;
                break;
            case FieldKind.StringArray:
                inner = ((List<string>)value.Ref!).ToArray();
                break;
            case FieldKind.Map:
                var map = (FieldMap)value.Ref!;
                var entries = new Dictionary<string, object?>(map.Count, StringComparer.Ordinal);
                for (var i = 0; i < map.Count; i++)
                {
                    entries[map[i].Key] = ToAny(map[i].Value);
                }

                inner = entries;
                break;
            case FieldKind.RawJson:
                var raw = new GenericRecord(_rawJson);
                raw.Add(0, (string)value.Ref!);
                inner = raw;
                break;
            default:
                inner = null;
                break;
        }

        any.Add(0, inner);
        return any;
    }

    private FieldValue FromAny(object? any)
    {
        if (any is not GenericRecord record || record.Schema.Name != _anyValue.Name)
        {
            throw new RecordFormatException("An 'other' entry is not an AnyValue record.");
        }

        switch (record.GetValue(0))
        {
            case null:
                return default;
            case string s:
                return FieldValue.Of(s);
            case long l:
                return FieldValue.Of(l);
            case double d:
                return FieldValue.Of(d);
            case bool b:
                return FieldValue.Of(b);
            case object[] items:
                var list = new List<string>(items.Length);
                foreach (var item in items)
                {
                    list.Add(item as string ?? throw new RecordFormatException("An 'other' array holds a non-string item."));
                }

                return FieldValue.OfArray(list);
            case IDictionary<string, object> entries:
                var map = new FieldMap();
                foreach (var (key, value) in entries)
                {
                    map.Set(key, FromAny(value));
                }

                return FieldValue.OfMap(map);
            case GenericRecord inner when inner.Schema.Name == _instant.Name:
                var at = (DateTime)inner.GetValue(0);
                var extra = inner.GetValue(1) is int e ? e : 0;
                return FieldValue.Of(new DateTimeOffset(at.ToUniversalTime().Ticks + extra, TimeSpan.Zero));
            case GenericRecord inner when inner.Schema.Name == _rawJson.Name:
                var json = (string)inner.GetValue(0);
                return IsJson(json) ? FieldValue.OfRawJson(json) : throw new RecordFormatException("A RawJson value is not valid JSON.");
            default:
                throw new RecordFormatException("An 'other' entry holds an unsupported value.");
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Walk(Node node, GenericRecord record, EcsDocument doc)
    {
        foreach (var entry in node.Entries)
        {
            var value = record.GetValue(entry.Pos);
            if (value is null)
            {
                continue;
            }

            if (entry.Child is { } child)
            {
                Walk(child, value as GenericRecord ?? throw new RecordFormatException($"{child.Path} is not a record."), doc);
            }
            else
            {
                var slot = entry.Slot!;
                var typed = FromTyped(slot, value);
                if (typed.Kind == FieldKind.StringArray)
                {
                    doc.Remove(slot.Path);
                    foreach (var item in (List<string>)typed.Ref!)
                    {
                        doc.Add(slot.Path, item);
                    }
                }
                else
                {
                    doc.Set(slot.Path, typed);
                }
            }
        }
    }

    private static GenericRecord Ensure(Node node, GenericRecord?[] records)
    {
        if (records[node.Index] is { } existing)
        {
            return existing;
        }

        var created = new GenericRecord(node.Schema);
        records[node.Index] = created;
        Ensure(node.Parent!, records).Add(node.PosInParent, created);
        return created;
    }

    private Node Build(RecordSchema schema, FieldPath path, Node? parent, int posInParent)
    {
        var node = new Node(schema, path, _nodes.Count, parent, posInParent);
        _nodes.Add(node);
        var entries = new List<Entry>();
        foreach (var field in schema.Fields)
        {
            if (parent is null && field.Name == OtherField)
            {
                continue;
            }

            var leaf = field.GetProperty(FieldProperty) is { } property ? PropertyText(property) : field.Name;
            var childPath = path.Depth == 0 ? FieldPath.Of(leaf) : path.Child(leaf);
            var type = NonNull(field.Schema);
            if (type is RecordSchema record)
            {
                entries.Add(new Entry(field.Pos, Build(record, childPath, node, field.Pos), null));
            }
            else
            {
                var slot = new Slot(childPath, KindOf(type, childPath), node, field.Pos);
                _slots.Add(childPath, slot);
                entries.Add(new Entry(field.Pos, null, slot));
            }
        }

        node.Entries = [.. entries];
        return node;
    }

    private static string PropertyText(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        return parsed.RootElement.GetString() ?? throw new InvalidOperationException($"{FieldProperty} must be a string.");
    }

    private static Schema NonNull(Schema schema)
    {
        if (schema is UnionSchema union)
        {
            var others = union.Schemas.Where(s => s.Tag != global::Avro.Schema.Type.Null).ToList();
            return others.Count == 1 ? others[0] : throw new InvalidOperationException("Typed slots are optional single types.");
        }

        return schema;
    }

    private static FieldKind KindOf(Schema type, FieldPath path) => type switch
    {
        LogicalSchema { LogicalTypeName: "timestamp-micros" } => FieldKind.Timestamp,
        PrimitiveSchema { Tag: global::Avro.Schema.Type.String } => FieldKind.String,
        PrimitiveSchema { Tag: global::Avro.Schema.Type.Long } => FieldKind.Long,
        PrimitiveSchema { Tag: global::Avro.Schema.Type.Double } => FieldKind.Double,
        PrimitiveSchema { Tag: global::Avro.Schema.Type.Boolean } => FieldKind.Bool,
        ArraySchema { ItemSchema.Tag: global::Avro.Schema.Type.String } => FieldKind.StringArray,
        _ => throw new InvalidOperationException($"The schema type of {path} ({type}) has no field kind."),
    };

    private sealed class Node(RecordSchema schema, FieldPath path, int index, Node? parent, int posInParent)
    {
        public RecordSchema Schema { get; } = schema;

        public FieldPath Path { get; } = path;

        public int Index { get; } = index;

        public Node? Parent { get; } = parent;

        public int PosInParent { get; } = posInParent;

        public Entry[] Entries { get; set; } = [];
    }

    private sealed record Entry(int Pos, Node? Child, Slot? Slot);

    private sealed record Slot(FieldPath Path, FieldKind Kind, Node Owner, int Pos);
}

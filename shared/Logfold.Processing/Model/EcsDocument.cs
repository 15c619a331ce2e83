using System.Text.Json;

namespace Logfold.Processing.Model;

/// <summary>
/// One normalized event: typed values keyed by interned <see cref="FieldPath"/>s, written as nested JSON.
/// A document is reused: <see cref="Reset"/> clears it in O(1) by bumping a generation stamp, and the
/// arrays and maps it hands out are pooled. Not thread-safe; use one per worker.
/// </summary>
public sealed class EcsDocument
{
    private FieldValue[] _values = new FieldValue[256];
    private int[] _valueStamp = new int[256];
    private int[] _objectStamp = new int[256];
    private int[] _childCount = new int[256];
    private int _generation = 1;
    private int _fieldCount;

    private readonly List<List<string>> _lists = [];
    private int _listsUsed;
    private readonly List<FieldMap> _maps = [];
    private int _mapsUsed;

    /// <summary>How many fields hold a value.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>Clears every value; pooled arrays and maps are recycled.</summary>
    public void Reset()
    {
        _generation++;
        if (_generation == int.MaxValue)
        {
            System.Array.Clear(_valueStamp);
            System.Array.Clear(_objectStamp);
            _generation = 1;
        }

        _fieldCount = 0;
        for (var i = 0; i < _listsUsed; i++)
        {
            _lists[i].Clear();
        }

        _listsUsed = 0;
        for (var i = 0; i < _mapsUsed; i++)
        {
            _maps[i].Clear();
        }

        _mapsUsed = 0;
    }

    /// <summary>Sets a string; null or empty strings are ignored (ECS leaves absent fields out).</summary>
    public void Set(FieldPath path, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Put(path, FieldValue.Of(value));
        }
    }

    /// <summary>Sets an integer.</summary>
    public void Set(FieldPath path, long value) => Put(path, FieldValue.Of(value));

    /// <summary>Sets a number.</summary>
    public void Set(FieldPath path, double value) => Put(path, FieldValue.Of(value));

    /// <summary>Sets a boolean.</summary>
    public void Set(FieldPath path, bool value) => Put(path, FieldValue.Of(value));

    /// <summary>Sets an instant.</summary>
    public void Set(FieldPath path, DateTimeOffset value) => Put(path, FieldValue.Of(value));

    /// <summary>Sets any value.</summary>
    public void Set(FieldPath path, FieldValue value)
    {
        if (value.Kind != FieldKind.None)
        {
            Put(path, value);
        }
    }

    /// <summary>Sets a string only when the field has no value yet.</summary>
    public void SetIfAbsent(FieldPath path, string? value)
    {
        if (!Has(path))
        {
            Set(path, value);
        }
    }

    /// <summary>Sets a JSON value that is written verbatim. The text must be valid JSON.</summary>
    public void SetRawJson(FieldPath path, string json) => Put(path, FieldValue.OfRawJson(json));

    /// <summary>
    /// Appends to a string array (creating it), skipping null, empty and duplicate values. Used for
    /// <c>related.*</c>, <c>event.category</c> and <c>event.type</c>.
    /// </summary>
    public void Add(FieldPath path, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var list = GetOrCreateArray(path);
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return;
            }
        }

        list.Add(value);
    }

    /// <summary>Returns the map stored at <paramref name="path"/>, creating an empty one.</summary>
    public FieldMap Map(FieldPath path)
    {
        if (TryGet(path, out var existing) && existing.Kind == FieldKind.Map)
        {
            return (FieldMap)existing.Ref!;
        }

        FieldMap map;
        if (_mapsUsed < _maps.Count)
        {
            map = _maps[_mapsUsed];
        }
        else
        {
            map = new FieldMap();
            _maps.Add(map);
        }

        _mapsUsed++;
        Put(path, FieldValue.OfMap(map));
        return map;
    }

    /// <summary>True when the field holds a value.</summary>
    public bool Has(FieldPath path) => path.Id < _valueStamp.Length && _valueStamp[path.Id] == _generation;

    /// <summary>True when the field holds a value or any field below it does.</summary>
    public bool HasAny(FieldPath path) => Has(path) || HasChildren(path);

    /// <summary>Reads a value.</summary>
    public bool TryGet(FieldPath path, out FieldValue value)
    {
        if (Has(path))
        {
            value = _values[path.Id];
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The string value of a field, or null when it is absent or not a string.</summary>
    public string? GetString(FieldPath path) => Has(path) ? _values[path.Id].String : null;

    /// <summary>The integer value of a field, or null.</summary>
    public long? GetLong(FieldPath path) => Has(path) && _values[path.Id].Kind == FieldKind.Long ? _values[path.Id].Long : null;

    /// <summary>Removes a value; an object left with no values disappears from the output.</summary>
    public void Remove(FieldPath path)
    {
        if (!Has(path))
        {
            return;
        }

        _valueStamp[path.Id] = 0;
        _values[path.Id] = default;
        _fieldCount--;
        if (!HasChildren(path))
        {
            Vanish(path);
        }
    }

    /// <summary>Lists every field that holds a value, depth first in registration order.</summary>
    public void CollectFields(List<FieldPath> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        Collect(FieldPath.Root, into);
    }

    /// <summary>Writes the document as one nested JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteChildren(writer, FieldPath.Root);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The writer options of Logfold's ECS JSON output (CLI NDJSON and the JSON topic codec alike): relaxed escaping,
    /// so UTF-8 text stays readable, no indentation, no validation (the writer only produces well-formed output).
    /// </summary>
    public static JsonWriterOptions OutputWriterOptions { get; } = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Renders the document as a JSON string (tests and tools; the hot path writes to a buffer).</summary>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private List<string> GetOrCreateArray(FieldPath path)
    {
        if (Has(path) && _values[path.Id].Kind == FieldKind.StringArray)
        {
            return (List<string>)_values[path.Id].Ref!;
        }

        List<string> list;
        if (_listsUsed < _lists.Count)
        {
            list = _lists[_listsUsed];
        }
        else
        {
            list = new List<string>(4);
            _lists.Add(list);
        }

        _listsUsed++;
        Put(path, FieldValue.OfArray(list));
        return list;
    }

    private bool HasChildren(FieldPath path) =>
        path.Id < _objectStamp.Length && _objectStamp[path.Id] == _generation && _childCount[path.Id] > 0;

    private bool IsPresent(FieldPath path) => Has(path) || HasChildren(path);

    private void Put(FieldPath path, FieldValue value)
    {
        ArgumentNullException.ThrowIfNull(path);
        var id = path.Id;
        if (id == 0)
        {
            // Only the root has id 0.
            throw new ArgumentException("The root path cannot hold a value.", nameof(path));
        }

        if ((uint)id >= (uint)_values.Length)
        {
            EnsureCapacity(id);
        }

        // The hot path: every mapper sets dozens of fields per event, so this reads each stamp once.
        var generation = _generation;
        var values = _values;
        if (_valueStamp[id] == generation)
        {
            values[id] = value;
            return;
        }

        _valueStamp[id] = generation;
        _fieldCount++;
        values[id] = value;
        if (_objectStamp[id] != generation || _childCount[id] == 0)
        {
            Appear(path);
        }
    }

    // A path became present: count it in its parent, and so on up while parents appear too. A parent is always
    // registered before its children, so its id is smaller and the capacity Put ensured covers it.
    private void Appear(FieldPath path)
    {
        var generation = _generation;
        for (var node = path; node.Parent is { } parent; node = parent)
        {
            var pid = parent.Id;
            var parentWasPresent = _valueStamp[pid] == generation || (_objectStamp[pid] == generation && _childCount[pid] > 0);
            if (_objectStamp[pid] != generation)
            {
                _objectStamp[pid] = generation;
                _childCount[pid] = 0;
            }

            _childCount[pid]++;
            if (parentWasPresent)
            {
                return;
            }
        }
    }

    private void Vanish(FieldPath path)
    {
        for (var node = path; node.Parent is { } parent; node = parent)
        {
            _childCount[parent.Id]--;
            if (IsPresent(parent))
            {
                return;
            }
        }
    }

    private void EnsureCapacity(int id)
    {
        if (id < _values.Length)
        {
            return;
        }

        var size = Math.Max(id + 1, Math.Max(FieldPath.Count, _values.Length * 2));
        System.Array.Resize(ref _values, size);
        System.Array.Resize(ref _valueStamp, size);
        System.Array.Resize(ref _objectStamp, size);
        System.Array.Resize(ref _childCount, size);
    }

    private void Collect(FieldPath node, List<FieldPath> into)
    {
        foreach (var child in node.Children)
        {
            if (Has(child))
            {
                into.Add(child);
            }

            if (HasChildren(child))
            {
                Collect(child, into);
            }
        }
    }

    private void WriteChildren(Utf8JsonWriter writer, FieldPath node)
    {
        var children = node.Children;
        var generation = _generation;
        var valueStamp = _valueStamp;
        var objectStamp = _objectStamp;
        var childCount = _childCount;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            var id = child.Id;
            if ((uint)id >= (uint)valueStamp.Length)
            {
                continue;
            }

            if (valueStamp[id] == generation)
            {
                // A value wins over an object of the same name; ECS never defines both.
                writer.WritePropertyName(child.EncodedLeaf);
                WriteValue(writer, _values[id]);
            }
            else if (objectStamp[id] == generation && childCount[id] > 0)
            {
                writer.WriteStartObject(child.EncodedLeaf);
                WriteChildren(writer, child);
                writer.WriteEndObject();
            }
        }
    }

    /// <summary>Writes one value exactly as <see cref="WriteTo"/> writes it (the JSON codec reuses this).</summary>
    internal static void WriteValue(Utf8JsonWriter writer, in FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldKind.String:
                writer.WriteStringValue((string)value.Ref!);
                break;
            case FieldKind.Long:
                writer.WriteNumberValue(value.Long);
                break;
            case FieldKind.Double:
                writer.WriteNumberValue(value.Double);
                break;
            case FieldKind.Bool:
                writer.WriteBooleanValue(value.Bool);
                break;
            case FieldKind.Timestamp:
                WriteTimestamp(writer, value.Long);
                break;
            case FieldKind.StringArray:
                writer.WriteStartArray();
                foreach (var item in (List<string>)value.Ref!)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case FieldKind.Map:
                var map = (FieldMap)value.Ref!;
                writer.WriteStartObject();
                for (var i = 0; i < map.Count; i++)
                {
                    writer.WritePropertyName(map[i].Key);
                    WriteValue(writer, map[i].Value);
                }

                writer.WriteEndObject();
                break;
            case FieldKind.RawJson:
                writer.WriteRawValue((string)value.Ref!, skipInputValidation: true);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>Writes an instant as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (seven fraction digits when sub-millisecond).</summary>
    internal static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset value) => WriteTimestamp(writer, value.UtcTicks);

    private static void WriteTimestamp(Utf8JsonWriter writer, long utcTicks)
    {
        // Digits are written by hand: a custom DateTime format string costs more than the rest of the value.
        Span<byte> buffer = stackalloc byte[MaxQuotedTimestampLength];
        var length = FormatTimestamp(utcTicks, buffer);
        writer.WriteRawValue(buffer[..length], skipInputValidation: true);
    }

    private const int MaxQuotedTimestampLength = 30;

    /// <summary>
    /// Formats UTC ticks as a quoted JSON string <c>"yyyy-MM-ddTHH:mm:ss.fffZ"</c>, or with seven fraction digits
    /// when the instant is not a whole millisecond. Returns the bytes written (26 or 30).
    /// </summary>
    internal static int FormatTimestamp(long utcTicks, Span<byte> into)
    {
        new DateTime(utcTicks, DateTimeKind.Utc).Deconstruct(out int year, out int month, out int day);
        var timeOfDay = utcTicks % TimeSpan.TicksPerDay;
        var seconds = (int)(timeOfDay / TimeSpan.TicksPerSecond);
        var fraction = (int)(timeOfDay % TimeSpan.TicksPerSecond);
        into[0] = (byte)'"';
        Digits4(into[1..], year);
        into[5] = (byte)'-';
        Digits2(into[6..], month);
        into[8] = (byte)'-';
        Digits2(into[9..], day);
        into[11] = (byte)'T';
        Digits2(into[12..], seconds / 3600);
        into[14] = (byte)':';
        Digits2(into[15..], seconds / 60 % 60);
        into[17] = (byte)':';
        Digits2(into[18..], seconds % 60);
        into[20] = (byte)'.';
        int end;
        if (fraction % TimeSpan.TicksPerMillisecond == 0)
        {
            var millis = fraction / (int)TimeSpan.TicksPerMillisecond;
            into[21] = (byte)('0' + (millis / 100));
            Digits2(into[22..], millis % 100);
            end = 24;
        }
        else
        {
            Digits4(into[21..], fraction / 1000);
            into[25] = (byte)('0' + (fraction / 100 % 10));
            Digits2(into[26..], fraction % 100);
            end = 28;
        }

        into[end] = (byte)'Z';
        into[end + 1] = (byte)'"';
        return end + 2;
    }

    private static void Digits2(Span<byte> into, int value)
    {
        into[1] = (byte)('0' + (value % 10));
        into[0] = (byte)('0' + (value / 10));
    }

    private static void Digits4(Span<byte> into, int value)
    {
        into[3] = (byte)('0' + (value % 10));
        into[2] = (byte)('0' + (value / 10 % 10));
        into[1] = (byte)('0' + (value / 100 % 10));
        into[0] = (byte)('0' + (value / 1000));
    }
}

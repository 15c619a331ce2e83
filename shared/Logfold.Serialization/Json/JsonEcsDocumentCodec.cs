using System.Text;
using System.Text.Json;
using Logfold.Contracts;
using Logfold.Processing.Model;

namespace Logfold.Serialization.Json;

/// <summary>
/// <see cref="EcsDocument"/> as the nested ECS JSON object the CLI's NDJSON output carries (same writer, same
/// escaping). Decoding rebuilds the typed document so that <c>Encode(Decode(Encode(doc)))</c> equals
/// <c>Encode(doc)</c> byte for byte:
/// <list type="bullet">
/// <item>an object whose keys are all registered child paths becomes nested fields; any other object becomes a
/// <see cref="FieldMap"/> value (data-named fields such as <c>winlog.event_data</c>), recursively;</item>
/// <item>strings in the writer's timestamp form become <see cref="FieldKind.Timestamp"/>; integers become
/// <see cref="FieldKind.Long"/> (so a double with an integral value, written without a fraction, comes back as a
/// long and is written identically); other numbers <see cref="FieldKind.Double"/>; arrays of distinct non-empty
/// strings <see cref="FieldKind.StringArray"/>;</item>
/// <item>anything whose text is not what the writer would produce (other arrays, nulls, numbers or strings
/// spelled differently, objects from raw JSON fields) is kept verbatim as <see cref="FieldKind.RawJson"/>.</item>
/// </list>
/// Field names not registered in this process (fields another process's configuration defined) are registered,
/// up to <c>maxNewFieldPaths</c> per codec, so hostile input cannot grow the registry without bound.
/// Thread-safe: buffers are per thread.
/// </summary>
internal sealed class JsonEcsDocumentCodec : IRecordCodec<EcsDocument>
{
    /// <summary>The default cap on an encoded document.</summary>
    public const int DefaultMaxRecordBytes = 4 * 1024 * 1024;

    /// <summary>The default number of field paths one codec may register from data.</summary>
    public const int DefaultMaxNewFieldPaths = FieldPathBudget.DefaultLimit;

    /// <summary>The deepest nesting accepted.</summary>
    public const int MaxDepth = 64;

    private const string What = "ECS";

    private readonly int _maxRecordBytes;
    private readonly FieldPathBudget _budget;

    /// <summary>Creates the codec.</summary>
    /// <param name="maxRecordBytes">Records longer than this are rejected when decoding.</param>
    /// <param name="maxNewFieldPaths">How many unknown field names this codec may register.</param>
    public JsonEcsDocumentCodec(int maxRecordBytes = DefaultMaxRecordBytes, int maxNewFieldPaths = DefaultMaxNewFieldPaths)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRecordBytes);
        _maxRecordBytes = maxRecordBytes;
        _budget = new FieldPathBudget(maxNewFieldPaths);
    }

    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public byte[] Encode(EcsDocument value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var writer = JsonBuffers.RentWriter(out var buffer);
        value.WriteTo(writer);
        return JsonBuffers.Finish(writer, buffer);
    }

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> bytes, EcsDocument into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (bytes.Length > _maxRecordBytes)
        {
            throw JsonRecordErrors.TooLarge(What, bytes.Length, _maxRecordBytes);
        }

        into.Reset();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw JsonRecordErrors.Invalid(What, reader.BytesConsumed, "expected a JSON object.");
            }

            ReadPathObject(ref reader, bytes, FieldPath.Root, into);
            if (reader.Read())
            {
                throw JsonRecordErrors.Invalid(What, reader.BytesConsumed, "unexpected data after the object.");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            into.Reset();
            throw JsonRecordErrors.Invalid(What, reader.BytesConsumed, e);
        }
        catch (RecordFormatException)
        {
            into.Reset();
            throw;
        }
    }

    // The reader is on the object's StartObject; on return it is on the matching EndObject.
    private void ReadPathObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, FieldPath node, EcsDocument doc)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var child = FindChild(ref reader, node);
            var name = child is null ? reader.GetString()! : null;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    if (child is not null && child.Children.Length > 0 && AllKeysAreChildren(reader, child))
                    {
                        ReadPathObject(ref reader, bytes, child, doc);
                    }
                    else
                    {
                        child ??= NewPath(node, name!, ref reader);
                        var map = doc.Map(child);
                        ReadMap(ref reader, bytes, map);
                        KeepIfCanonical(doc, child, FieldValue.OfMap(map), bytes, start, ref reader);
                    }

                    break;
                case JsonTokenType.StartArray:
                    child ??= NewPath(node, name!, ref reader);
                    ReadPathArray(ref reader, bytes, start, child, doc);
                    break;
                default:
                    child ??= NewPath(node, name!, ref reader);
                    var scalar = ReadScalar(ref reader, out var canonical);
                    if (canonical)
                    {
                        doc.Set(child, scalar);
                    }
                    else
                    {
                        doc.SetRawJson(child, Encoding.UTF8.GetString(bytes[start..(int)reader.BytesConsumed]));
                    }

                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw JsonRecordErrors.Invalid(What, reader.BytesConsumed, "expected a property name.");
        }
    }

    private static void ReadPathArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, int start, FieldPath path, EcsDocument doc)
    {
        // A copy scans ahead: only an array of distinct, non-empty, canonically written strings is a StringArray.
        var scan = reader;
        var stringArray = true;
        var count = 0;
        while (scan.Read() && scan.TokenType != JsonTokenType.EndArray)
        {
            count++;
            if (scan.TokenType != JsonTokenType.String || scan.ValueSpan.Length == 0)
            {
                stringArray = false;
                scan.Skip();
            }
            else if (stringArray && (scan.ValueIsEscaped || !EcsJsonValues.IsPlainAscii(scan.ValueSpan)))
            {
                stringArray = EcsJsonValues.WritesAs(FieldValue.Of(scan.GetString()!), QuotedToken(ref scan));
            }
        }

        if (stringArray && count > 0)
        {
            doc.Remove(path);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                doc.Add(path, reader.GetString());
            }

            if (doc.TryGet(path, out var list) && ((List<string>)list.Ref!).Count == count)
            {
                return;
            }
        }
        else
        {
            reader.Skip();
        }

        doc.SetRawJson(path, Encoding.UTF8.GetString(bytes[start..(int)reader.BytesConsumed]));
    }

    // The reader is on StartObject; on return it is on the matching EndObject.
    private static void ReadMap(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, FieldMap map)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var inner = new FieldMap();
                    ReadMap(ref reader, bytes, inner);
                    map.Set(name, FieldValue.OfMap(inner));
                    break;
                case JsonTokenType.StartArray:
                    map.Set(name, ReadMapArray(ref reader, bytes));
                    break;
                case JsonTokenType.Null:
                    map.Set(name, default(FieldValue));
                    break;
                default:
                    map.Set(name, ReadScalar(ref reader, out _));
                    break;
            }
        }
    }

    private static FieldValue ReadMapArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes)
    {
        var start = (int)reader.TokenStartIndex;
        var scan = reader;
        var strings = true;
        var count = 0;
        while (scan.Read() && scan.TokenType != JsonTokenType.EndArray)
        {
            count++;
            strings &= scan.TokenType == JsonTokenType.String;
            scan.Skip();
        }

        if (strings && count > 0)
        {
            var items = new List<string>(count);
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                items.Add(reader.GetString()!);
            }

            return FieldValue.OfArray(items);
        }

        // Empty or mixed arrays stay verbatim; the enclosing map's canonical check covers the rest.
        reader.Skip();
        return FieldValue.OfRawJson(Encoding.UTF8.GetString(bytes[start..(int)reader.BytesConsumed]));
    }

    private static FieldValue ReadScalar(ref Utf8JsonReader reader, out bool canonical)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var span = reader.ValueSpan;
                if (!reader.ValueIsEscaped && EcsJsonValues.TryParseTimestamp(span, out var instant))
                {
                    canonical = true;
                    return FieldValue.Of(instant);
                }

                var text = FieldValue.Of(reader.GetString()!);
                canonical = !reader.ValueIsEscaped && EcsJsonValues.IsPlainAscii(span)
                    || EcsJsonValues.WritesAs(text, QuotedToken(ref reader));
                return text;
            case JsonTokenType.Number:
                canonical = EcsJsonValues.TryReadNumber(ref reader, out var number);
                return number;
            case JsonTokenType.True:
                canonical = true;
                return FieldValue.Of(true);
            case JsonTokenType.False:
                canonical = true;
                return FieldValue.Of(false);
            default:
                canonical = false;
                return default;
        }
    }

    // The string token with its quotes (ValueSpan excludes them; the reader works on one contiguous span).
    private static ReadOnlySpan<byte> QuotedToken(ref Utf8JsonReader reader)
    {
        var length = reader.ValueSpan.Length + 2;
        Span<byte> quoted = new byte[length];
        quoted[0] = (byte)'"';
        reader.ValueSpan.CopyTo(quoted[1..]);
        quoted[^1] = (byte)'"';
        return quoted;
    }

    private static void KeepIfCanonical(EcsDocument doc, FieldPath path, in FieldValue value, ReadOnlySpan<byte> bytes, int start, ref Utf8JsonReader reader)
    {
        var text = bytes[start..(int)reader.BytesConsumed];
        if (!EcsJsonValues.WritesAs(value, text))
        {
            doc.SetRawJson(path, Encoding.UTF8.GetString(text));
        }
    }

    private static FieldPath? FindChild(ref Utf8JsonReader reader, FieldPath node)
    {
        var children = node.Children;
        if (!reader.ValueIsEscaped)
        {
            var name = reader.ValueSpan;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i].EncodedLeaf.EncodedUtf8Bytes.SequenceEqual(name))
                {
                    return children[i];
                }
            }

            return null;
        }

        for (var i = 0; i < children.Length; i++)
        {
            if (reader.ValueTextEquals(children[i].Leaf))
            {
                return children[i];
            }
        }

        return null;
    }

    // The copy is on StartObject: true when the object has keys and every one is a registered child of node.
    private static bool AllKeysAreChildren(Utf8JsonReader scan, FieldPath node)
    {
        var count = 0;
        while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
        {
            if (FindChild(ref scan, node) is null)
            {
                return false;
            }

            count++;
            scan.Read();
            scan.Skip();
        }

        return count > 0;
    }

    private FieldPath NewPath(FieldPath parent, string name, ref Utf8JsonReader reader)
    {
        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw JsonRecordErrors.Invalid(What, reader.BytesConsumed, "a field name contains a dot.");
        }

        try
        {
            return _budget.Resolve(parent.Depth == 0 ? name : parent.Name + "." + name);
        }
        catch (RecordFormatException e)
        {
            throw JsonRecordErrors.Invalid(What, reader.BytesConsumed, e.Message);
        }
    }
}

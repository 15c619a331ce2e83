using Avro;
using Logfold.Contracts;

namespace Logfold.Serialization.Avro;

/// <summary>
/// Walks Avro binary data against its writer schema before it is decoded, so corrupt or hostile bytes fail fast
/// with a clear <see cref="RecordFormatException"/>: every length and block count must fit in the bytes that remain
/// (a claimed array of a billion items would otherwise spin the decoder for minutes), union and enum indexes must
/// be in range, nesting is capped, and no bytes may follow the record. One pass, no allocation.
/// </summary>
internal static class AvroBinaryValidator
{
    /// <summary>The deepest nesting of records, arrays, maps and unions accepted.</summary>
    public const int MaxDepth = 64;

    // Items that may take no bytes (null, empty records) are capped in count instead.
    private const long MaxZeroSizeItems = 1_000_000;

    /// <summary>Throws <see cref="RecordFormatException"/> unless <paramref name="data"/> is exactly one value of <paramref name="schema"/>.</summary>
    public static void Validate(ReadOnlySpan<byte> data, Schema schema)
    {
        var pos = 0;
        Value(data, ref pos, schema, 0);
        if (pos != data.Length)
        {
            throw Fail($"{data.Length - pos} unexpected bytes follow the record");
        }
    }

    private static void Value(ReadOnlySpan<byte> data, ref int pos, Schema schema, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Fail($"the record is nested deeper than {MaxDepth} levels");
        }

        switch (schema)
        {
            case LogicalSchema logical:
                Value(data, ref pos, logical.BaseSchema, depth);
                return;
            case RecordSchema record:
                foreach (var field in record.Fields)
                {
                    Value(data, ref pos, field.Schema, depth + 1);
                }

                return;
            case UnionSchema union:
                var branch = ReadLong(data, ref pos);
                if (branch < 0 || branch >= union.Count)
                {
                    throw Fail($"union branch {branch} does not exist");
                }

                Value(data, ref pos, union[(int)branch], depth + 1);
                return;
            case EnumSchema enumeration:
                var symbol = ReadLong(data, ref pos);
                if (symbol < 0 || symbol >= enumeration.Count)
                {
                    throw Fail($"enum symbol {symbol} does not exist");
                }

                return;
            case FixedSchema fixedSchema:
                Skip(data, ref pos, fixedSchema.Size);
                return;
            case ArraySchema array:
                Blocks(data, ref pos, array.ItemSchema, isMap: false, depth);
                return;
            case MapSchema map:
                Blocks(data, ref pos, map.ValueSchema, isMap: true, depth);
                return;
        }

        switch (schema.Tag)
        {
            case Schema.Type.Null:
                return;
            case Schema.Type.Boolean:
                Skip(data, ref pos, 1);
                if (data[pos - 1] > 1)
                {
                    throw Fail("a boolean is neither 0 nor 1");
                }

                return;
            case Schema.Type.Int:
            case Schema.Type.Long:
                ReadLong(data, ref pos);
                return;
            case Schema.Type.Float:
                Skip(data, ref pos, 4);
                return;
            case Schema.Type.Double:
                Skip(data, ref pos, 8);
                return;
            case Schema.Type.String:
            case Schema.Type.Bytes:
                SkipLengthPrefixed(data, ref pos);
                return;
            default:
                throw Fail($"the schema type {schema.Tag} is not supported");
        }
    }

    private static void Blocks(ReadOnlySpan<byte> data, ref int pos, Schema items, bool isMap, int depth)
    {
        var mayBeEmpty = !isMap && MinSize(items, 0) == 0;
        long total = 0;
        while (true)
        {
            var count = ReadLong(data, ref pos);
            if (count == 0)
            {
                return;
            }

            if (count < 0)
            {
                count = -count;
                var byteSize = ReadLong(data, ref pos);
                if (byteSize < 0 || byteSize > data.Length - pos)
                {
                    throw Fail("a block's byte size is larger than the record");
                }
            }

            total += count;
            if (count < 0 || (mayBeEmpty ? total > MaxZeroSizeItems : count > data.Length - pos))
            {
                throw Fail("a block claims more items than the record can hold");
            }

            for (long i = 0; i < count; i++)
            {
                if (isMap)
                {
                    SkipLengthPrefixed(data, ref pos);
                }

                Value(data, ref pos, items, depth + 1);
            }
        }
    }

    private static int MinSize(Schema schema, int depth)
    {
        switch (schema)
        {
            case not null when depth > MaxDepth:
                return 1;
            case LogicalSchema logical:
                return MinSize(logical.BaseSchema, depth + 1);
            case RecordSchema record:
                var size = 0;
                foreach (var field in record.Fields)
                {
                    size += MinSize(field.Schema, depth + 1);
                }

                return size;
            case FixedSchema fixedSchema:
                return fixedSchema.Size;
            default:
                return schema!.Tag == Schema.Type.Null ? 0 : 1;
        }
    }

    private static void SkipLengthPrefixed(ReadOnlySpan<byte> data, ref int pos)
    {
        var length = ReadLong(data, ref pos);
        if (length < 0)
        {
            throw Fail("a string or bytes value has a negative length");
        }

        if (length > data.Length - pos)
        {
            throw Fail("a string or bytes value is longer than the record");
        }

        pos += (int)length;
    }

    private static void Skip(ReadOnlySpan<byte> data, ref int pos, int count)
    {
        if (count > data.Length - pos)
        {
            throw Fail("the record ends early");
        }

        pos += count;
    }

    // Zig-zag varint, at most 10 bytes.
    private static long ReadLong(ReadOnlySpan<byte> data, ref int pos)
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (pos >= data.Length)
            {
                throw Fail("the record ends early");
            }

            var b = data[pos++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return (long)(value >> 1) ^ -(long)(value & 1);
            }
        }

        throw Fail("a number is longer than 10 bytes");
    }

    private static RecordFormatException Fail(string reason) => new($"The record is not valid Avro for its schema: {reason}.");
}

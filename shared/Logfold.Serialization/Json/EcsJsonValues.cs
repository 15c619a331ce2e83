using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Logfold.Processing.Model;

namespace Logfold.Serialization.Json;

/// <summary>
/// Writes and recognises <see cref="FieldValue"/>s exactly as <see cref="EcsDocument.WriteTo"/> does, so the
/// decoder can tell whether a value's text is the writer's canonical form (and keep it verbatim when it is not).
/// </summary>
internal static class EcsJsonValues
{
    private const string MillisecondFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const string TickFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Writes a value the way <see cref="EcsDocument"/> writes it.</summary>
    public static void Write(Utf8JsonWriter writer, in FieldValue value) => EcsDocument.WriteValue(writer, value);

    /// <summary>True when <see cref="Write"/> would produce exactly <paramref name="text"/>.</summary>
    public static bool WritesAs(in FieldValue value, ReadOnlySpan<byte> text)
    {
        var writer = JsonBuffers.RentScratch(out var buffer);
        Write(writer, value);
        writer.Flush();
        return buffer.WrittenSpan.SequenceEqual(text);
    }

    /// <summary>
    /// True when an unescaped string token is certainly written back unchanged: printable ASCII only (the
    /// relaxed encoder escapes control characters, quotes, backslashes and some non-ASCII ranges).
    /// </summary>
    public static bool IsPlainAscii(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads a string written by <see cref="EcsDocument.WriteTimestamp"/>: <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, or
    /// seven fraction digits when the instant is not a whole millisecond.
    /// </summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        if (utf8.Length is not (24 or 28) || utf8[^1] != (byte)'Z' || utf8[10] != (byte)'T' || utf8[19] != (byte)'.')
        {
            return false;
        }

        Span<char> chars = stackalloc char[28];
        for (var i = 0; i < utf8.Length; i++)
        {
            chars[i] = (char)utf8[i];
        }

        var format = utf8.Length == 24 ? MillisecondFormat : TickFormat;
        if (!DateTime.TryParseExact(chars[..utf8.Length], format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        // Seven digits that end in a whole millisecond are not what the writer produces: keep such text a string.
        if (utf8.Length == 28 && parsed.Ticks % TimeSpan.TicksPerMillisecond == 0)
        {
            return false;
        }

        value = new DateTimeOffset(parsed.Ticks, TimeSpan.Zero);
        return true;
    }

    /// <summary>Reads a number token as the writer's <see cref="FieldKind.Long"/> or <see cref="FieldKind.Double"/>.</summary>
    public static bool TryReadNumber(ref Utf8JsonReader reader, out FieldValue value)
    {
        var text = reader.ValueSpan;
        if (text.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 && reader.TryGetInt64(out var integer))
        {
            // "-0" is how the writer spells a negative-zero double; a long would come back as "0".
            if (integer == 0 && text.Length > 1)
            {
                value = FieldValue.Of(-0.0);
                return WritesAs(value, text);
            }

            Span<byte> formatted = stackalloc byte[24];
            value = FieldValue.Of(integer);
            return Utf8Formatter.TryFormat(integer, formatted, out var written) && formatted[..written].SequenceEqual(text);
        }

        if (reader.TryGetDouble(out var number) && double.IsFinite(number))
        {
            value = FieldValue.Of(number);
            return WritesAs(value, text);
        }

        value = default;
        return false;
    }
}

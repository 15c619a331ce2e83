using System.Globalization;

namespace Logfold.Processing.Model;

/// <summary>One typed value. Reference payloads (strings, arrays, maps, JSON) live in <see cref="Ref"/>.</summary>
public readonly struct FieldValue
{
    private readonly long _bits;

    private FieldValue(FieldKind kind, long bits, object? reference)
    {
        Kind = kind;
        _bits = bits;
        Ref = reference;
    }

    /// <summary>The value's type.</summary>
    public FieldKind Kind { get; }

    /// <summary>The string, <see cref="List{T}"/> of strings, <see cref="FieldMap"/> or JSON string.</summary>
    public object? Ref { get; }

    /// <summary>The integer value when <see cref="Kind"/> is <see cref="FieldKind.Long"/>.</summary>
    public long Long => _bits;

    /// <summary>The number when <see cref="Kind"/> is <see cref="FieldKind.Double"/>.</summary>
    public double Double => BitConverter.Int64BitsToDouble(_bits);

    /// <summary>The boolean when <see cref="Kind"/> is <see cref="FieldKind.Bool"/>.</summary>
    public bool Bool => _bits != 0;

    /// <summary>The instant when <see cref="Kind"/> is <see cref="FieldKind.Timestamp"/>.</summary>
    public DateTimeOffset Timestamp => new(_bits, TimeSpan.Zero);

    /// <summary>The string when <see cref="Kind"/> is <see cref="FieldKind.String"/>.</summary>
    public string? String => Kind == FieldKind.String ? (string?)Ref : null;

    /// <summary>The array when <see cref="Kind"/> is <see cref="FieldKind.StringArray"/>.</summary>
    public List<string>? Array => Kind == FieldKind.StringArray ? (List<string>?)Ref : null;

    /// <summary>The map when <see cref="Kind"/> is <see cref="FieldKind.Map"/>.</summary>
    public FieldMap? Map => Kind == FieldKind.Map ? (FieldMap?)Ref : null;

    /// <summary>Wraps a string.</summary>
    public static FieldValue Of(string value) => new(FieldKind.String, 0, value);

    /// <summary>Wraps an integer.</summary>
    public static FieldValue Of(long value) => new(FieldKind.Long, value, null);

    /// <summary>Wraps a number.</summary>
    public static FieldValue Of(double value) => new(FieldKind.Double, BitConverter.DoubleToInt64Bits(value), null);

    /// <summary>Wraps a boolean.</summary>
    public static FieldValue Of(bool value) => new(FieldKind.Bool, value ? 1 : 0, null);

    /// <summary>Wraps an instant (kept as UTC ticks).</summary>
    public static FieldValue Of(DateTimeOffset value) => new(FieldKind.Timestamp, value.UtcTicks, null);

    internal static FieldValue OfArray(List<string> values) => new(FieldKind.StringArray, 0, values);

    internal static FieldValue OfMap(FieldMap map) => new(FieldKind.Map, 0, map);

    internal static FieldValue OfRawJson(string json) => new(FieldKind.RawJson, 0, json);

    /// <summary>A display form of any scalar value (used by enrichers and tests, not on the write path).</summary>
    public override string ToString() => Kind switch
    {
        FieldKind.String => (string)Ref!,
        FieldKind.Long => Long.ToString(CultureInfo.InvariantCulture),
        FieldKind.Double => Double.ToString("R", CultureInfo.InvariantCulture),
        FieldKind.Bool => Bool ? "true" : "false",
        FieldKind.Timestamp => Timestamp.ToString("O", CultureInfo.InvariantCulture),
        FieldKind.StringArray => string.Join(",", (List<string>)Ref!),
        FieldKind.RawJson => (string)Ref!,
        FieldKind.Map => "{map}",
        _ => string.Empty,
    };
}

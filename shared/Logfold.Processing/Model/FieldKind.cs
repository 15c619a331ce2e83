namespace Logfold.Processing.Model;

/// <summary>The type of a value held in an <see cref="EcsDocument"/>.</summary>
public enum FieldKind : byte
{
    /// <summary>No value.</summary>
    None = 0,

    /// <summary>A string.</summary>
    String,

    /// <summary>A 64-bit integer.</summary>
    Long,

    /// <summary>A floating-point number.</summary>
    Double,

    /// <summary>A boolean.</summary>
    Bool,

    /// <summary>An instant, written as ISO 8601.</summary>
    Timestamp,

    /// <summary>An array of strings (written as a JSON array, duplicates removed).</summary>
    StringArray,

    /// <summary>A map of names to values whose names come from the data.</summary>
    Map,

    /// <summary>A pre-validated JSON value written verbatim.</summary>
    RawJson,
}

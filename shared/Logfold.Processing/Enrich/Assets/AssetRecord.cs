namespace Logfold.Processing.Enrich.Assets;

/// <summary>One inventory entry. Immutable.</summary>
internal sealed class AssetRecord
{
    /// <summary>The asset's name.</summary>
    public string? Name { get; init; }

    /// <summary>Who owns it.</summary>
    public string? Owner { get; init; }

    /// <summary>How critical it is (free text such as low, medium, high, critical).</summary>
    public string? Criticality { get; init; }

    /// <summary>prod, staging, dev...</summary>
    public string? Environment { get; init; }

    /// <summary>The business unit.</summary>
    public string? BusinessUnit { get; init; }

    /// <summary>Free-form tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

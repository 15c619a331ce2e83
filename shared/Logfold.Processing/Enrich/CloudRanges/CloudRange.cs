namespace Logfold.Processing.Enrich.CloudRanges;

/// <summary>Who owns an address block: the provider (<c>aws</c>, <c>azure</c>, <c>gcp</c>...), region and service.</summary>
internal sealed record CloudRange(string Provider, string? Region, string? Service);

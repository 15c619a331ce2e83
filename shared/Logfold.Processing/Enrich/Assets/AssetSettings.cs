namespace Logfold.Processing.Enrich.Assets;

/// <summary>Which parts of an event the asset enricher looks up.</summary>
public sealed class AssetSettings
{
    /// <summary>
    /// Roles to enrich, each written under <c>logfold.asset.&lt;role&gt;</c>: <c>host</c> (host.ip, host.name,
    /// host.hostname), <c>source</c>, <c>destination</c>, <c>client</c>, <c>server</c> (their .ip and .domain).
    /// </summary>
    public IList<string> Roles { get; set; } = ["host", "source", "destination"];
}

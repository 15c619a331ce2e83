using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>The fields the threat-intel enricher writes.</summary>
internal static class ThreatFields
{
    public static readonly FieldPath IndicatorType = FieldPath.Of("threat.indicator.type");
    public static readonly FieldPath IndicatorIp = FieldPath.Of("threat.indicator.ip");
    public static readonly FieldPath IndicatorUrlDomain = FieldPath.Of("threat.indicator.url.domain");
    public static readonly FieldPath IndicatorUrlFull = FieldPath.Of("threat.indicator.url.full");
    public static readonly FieldPath IndicatorMd5 = FieldPath.Of("threat.indicator.file.hash.md5");
    public static readonly FieldPath IndicatorSha1 = FieldPath.Of("threat.indicator.file.hash.sha1");
    public static readonly FieldPath IndicatorSha256 = FieldPath.Of("threat.indicator.file.hash.sha256");
    public static readonly FieldPath IndicatorProvider = FieldPath.Of("threat.indicator.provider");
    public static readonly FieldPath IndicatorConfidence = FieldPath.Of("threat.indicator.confidence");
    public static readonly FieldPath IndicatorDescription = FieldPath.Of("threat.indicator.description");
    public static readonly FieldPath IndicatorName = FieldPath.Of("threat.indicator.name");
    public static readonly FieldPath IndicatorFirstSeen = FieldPath.Of("threat.indicator.first_seen");
    public static readonly FieldPath Enrichments = FieldPath.Of("threat.enrichments");
    public static readonly FieldPath Matched = FieldPath.Of("logfold.threat.matched");
    public static readonly FieldPath Labels = FieldPath.Of("logfold.threat.labels");
}

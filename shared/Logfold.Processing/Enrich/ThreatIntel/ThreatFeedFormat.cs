namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>The file format of a threat-intel feed.</summary>
public enum ThreatFeedFormat
{
    /// <summary>Decided from the file: <c>.json</c> is STIX, a MISP header is MISP, a header with an indicator column is CSV, else a plain list.</summary>
    Auto,

    /// <summary>One indicator per line, <c>#</c> comments, type inferred.</summary>
    Plain,

    /// <summary>CSV with a header row; columns named in <see cref="ThreatFeedSettings"/>.</summary>
    Csv,

    /// <summary>A STIX 2.1 bundle of indicator objects.</summary>
    Stix,

    /// <summary>A MISP attribute CSV export (<c>uuid,event_id,category,type,value,comment,to_ids,date,...</c>).</summary>
    Misp,
}

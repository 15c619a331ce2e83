using System.Buffers;
using System.Text;
using System.Text.Json;
using Logfold.Processing.Enrich.Tables;
using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>
/// Matches an event's IPs, domains, URLs and hashes against one or more indicator feeds. A match fills
/// <c>threat.indicator.*</c> from the first indicator found, lists every distinct matching indicator in
/// <c>threat.enrichments</c> (ECS indicator-match shape), sets <c>logfold.threat.matched</c> and adds a tag.
/// A miss allocates nothing.
/// </summary>
internal sealed class ThreatIntelEnricher : IEnricher
{
    [ThreadStatic]
    private static List<Match>? t_matches;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly IReadOnlyList<IDataSnapshot<ThreatIntelTable>> _feeds;
    private readonly FieldPath[] _ipFields;
    private readonly FieldPath[] _domainFields;
    private readonly FieldPath[] _urlFields;
    private readonly FieldPath[] _hashFields;
    private readonly string _tag;
    private readonly int _maxEnrichments;
    private readonly TimeProvider _time;

    /// <summary>Creates the enricher over <paramref name="feeds"/> (each reloads on its own).</summary>
    public ThreatIntelEnricher(string name, IReadOnlyList<IDataSnapshot<ThreatIntelTable>> feeds, ThreatIntelSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        _feeds = feeds;
        _ipFields = Paths(settings.IpFields);
        _domainFields = Paths(settings.DomainFields);
        _urlFields = Paths(settings.UrlFields);
        _hashFields = Paths(settings.HashFields);
        _tag = settings.Tag;
        _maxEnrichments = Math.Max(1, settings.MaxEnrichments);
        _time = time;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public EnrichOutcome Enrich(EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var state = new MatchState();
        for (var i = 0; i < _feeds.Count; i++)
        {
            // Each feed's Current is read once per event, so a reload mid-event cannot mix versions.
            var table = _feeds[i].Current;
            MatchFields(doc, table, _ipFields, IndicatorKind.Ip, ref state);
            MatchFields(doc, table, _domainFields, IndicatorKind.Domain, ref state);
            MatchFields(doc, table, _urlFields, IndicatorKind.Url, ref state);
            MatchFields(doc, table, _hashFields, IndicatorKind.Md5, ref state);
        }

        if (state.Matches is null)
        {
            return state.Looked ? EnrichOutcome.Miss : EnrichOutcome.Skipped;
        }

        Write(doc, state.Matches);
        return EnrichOutcome.Hit;
    }

    private void MatchFields(EcsDocument doc, ThreatIntelTable table, FieldPath[] fields, IndicatorKind kind, ref MatchState state)
    {
        foreach (var field in fields)
        {
            if (!doc.TryGet(field, out var value))
            {
                continue;
            }

            state.Looked = true;
            if (value.Kind == FieldKind.String)
            {
                MatchOne(table, (string)value.Ref!, field, kind, ref state);
            }
            else if (value.Array is { } items)
            {
                foreach (var item in items)
                {
                    MatchOne(table, item, field, kind, ref state);
                }
            }
        }
    }

    private void MatchOne(ThreatIntelTable table, string text, FieldPath field, IndicatorKind kind, ref MatchState state)
    {
        ThreatIndicator? found;
        var ipv6 = false;
        switch (kind)
        {
            case IndicatorKind.Ip:
                if (!IpKey.TryParse(text, out var key))
                {
                    return;
                }

                ipv6 = !key.IsV4;
                found = table.TryMatchIp(key, out var ip) ? ip : null;
                break;
            case IndicatorKind.Domain:
                found = table.TryMatchDomain(text, out var domain) ? domain : null;
                break;
            case IndicatorKind.Url:
                found = table.TryMatchUrl(text, out var url) ? url : null;
                break;
            default:
                found = table.TryMatchHash(text, out var hash) ? hash : null;
                break;
        }

        if (found is not null)
        {
            Add(ref state, new Match(found, text, field, ipv6));
        }
    }

    private void Add(ref MatchState state, Match match)
    {
        if (match.Indicator.ValidUntil is { } until && until <= _time.GetUtcNow())
        {
            return;
        }

        if (state.Matches is null)
        {
            // Per-thread scratch: a hit allocates only the enrichments JSON string.
            state.Matches = t_matches ??= new List<Match>(4);
            state.Matches.Clear();
        }

        foreach (var existing in state.Matches)
        {
            if (ReferenceEquals(existing.Indicator, match.Indicator))
            {
                return;
            }
        }

        if (state.Matches.Count < _maxEnrichments)
        {
            state.Matches.Add(match);
        }
    }

    private void Write(EcsDocument doc, List<Match> matches)
    {
        var first = matches[0];
        var indicator = first.Indicator;
        doc.Set(ThreatFields.IndicatorType, indicator.EcsType(first.Ipv6));
        switch (indicator.Kind)
        {
            case IndicatorKind.Ip:
                doc.Set(ThreatFields.IndicatorIp, first.Atomic);
                break;
            case IndicatorKind.Domain:
                doc.Set(ThreatFields.IndicatorUrlDomain, indicator.Value);
                break;
            case IndicatorKind.Url:
                doc.Set(ThreatFields.IndicatorUrlFull, indicator.Value);
                break;
            case IndicatorKind.Md5:
                doc.Set(ThreatFields.IndicatorMd5, indicator.Value);
                break;
            case IndicatorKind.Sha1:
                doc.Set(ThreatFields.IndicatorSha1, indicator.Value);
                break;
            default:
                doc.Set(ThreatFields.IndicatorSha256, indicator.Value);
                break;
        }

        doc.Set(ThreatFields.IndicatorProvider, indicator.Provider);
        doc.Set(ThreatFields.IndicatorConfidence, indicator.Confidence);
        doc.Set(ThreatFields.IndicatorDescription, indicator.Description);
        doc.Set(ThreatFields.IndicatorName, indicator.Name);
        if (indicator.FirstSeen is { } firstSeen)
        {
            doc.Set(ThreatFields.IndicatorFirstSeen, firstSeen);
        }

        doc.SetRawJson(ThreatFields.Enrichments, EnrichmentsJson(matches));
        doc.Set(ThreatFields.Matched, true);
        if (_tag.Length > 0)
        {
            doc.Add(Ecs.Tags, _tag);
        }

        foreach (var match in matches)
        {
            foreach (var label in match.Indicator.Labels)
            {
                doc.Add(ThreatFields.Labels, label);
            }
        }
    }

    /// <summary>The <c>threat.enrichments</c> array: one <c>{indicator, matched}</c> object per matching indicator.</summary>
    internal static string EnrichmentsJson(List<Match> matches)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        {
            writer.WriteStartArray();
            foreach (var match in matches)
            {
                var indicator = match.Indicator;
                writer.WriteStartObject();
                writer.WriteStartObject("indicator");
                writer.WriteString("type", indicator.EcsType(match.Ipv6));
                switch (indicator.Kind)
                {
                    case IndicatorKind.Ip:
                        writer.WriteString("ip", match.Atomic);
                        break;
                    case IndicatorKind.Domain:
                        writer.WriteStartObject("url");
                        writer.WriteString("domain", indicator.Value);
                        writer.WriteEndObject();
                        break;
                    case IndicatorKind.Url:
                        writer.WriteStartObject("url");
                        writer.WriteString("full", indicator.Value);
                        writer.WriteEndObject();
                        break;
                    default:
                        writer.WriteStartObject("file");
                        writer.WriteStartObject("hash");
                        writer.WriteString(indicator.Kind switch { IndicatorKind.Md5 => "md5", IndicatorKind.Sha1 => "sha1", _ => "sha256" }, indicator.Value);
                        writer.WriteEndObject();
                        writer.WriteEndObject();
                        break;
                }

                WriteOptional(writer, "provider", indicator.Provider);
                WriteOptional(writer, "confidence", indicator.Confidence);
                WriteOptional(writer, "description", indicator.Description);
                WriteOptional(writer, "name", indicator.Name);
                if (indicator.FirstSeen is { } firstSeen)
                {
                    writer.WritePropertyName("first_seen");
                    EcsDocument.WriteTimestamp(writer, firstSeen);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("matched");
                writer.WriteString("atomic", match.Atomic);
                writer.WriteString("field", match.Field.Name);
                writer.WriteString("type", "indicator_match_rule");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.Flush();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }

    private static FieldPath[] Paths(IList<string> names)
    {
        var paths = new FieldPath[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            paths[i] = FieldPath.Of(names[i]);
        }

        return paths;
    }

    /// <summary>One indicator that matched one event value.</summary>
    internal readonly record struct Match(ThreatIndicator Indicator, string Atomic, FieldPath Field, bool Ipv6);

    private struct MatchState
    {
        public bool Looked;
        public List<Match>? Matches;
    }
}

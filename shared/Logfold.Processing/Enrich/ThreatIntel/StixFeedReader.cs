using System.Text.Json;
using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.ThreatIntel;

/// <summary>
/// Reads STIX 2.1 JSON: a bundle (<c>{"type":"bundle","objects":[...]}</c>), a bare array of objects, or one
/// indicator. Each <c>indicator</c> with a <c>stix</c> pattern contributes its atoms, with name, description,
/// valid_from (first seen), valid_until, confidence, labels, and the provider from its <c>created_by_ref</c>
/// identity. Revoked indicators and patterns that are not a disjunction of atoms are skipped and counted.
/// </summary>
internal static class StixFeedReader
{
    /// <summary>Adds every indicator's atoms to <paramref name="builder"/>.</summary>
    public static void Read(string text, ThreatIntelTableBuilder builder)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw DataFile.Error(builder.Path, (int)(ex.LineNumber ?? 0) + 1, "not valid JSON: " + ex.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement objects;
            if (root.ValueKind == JsonValueKind.Array)
            {
                objects = root;
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("objects", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                objects = list;
            }
            else if (root.ValueKind == JsonValueKind.Object && Str(root, "type") == "indicator")
            {
                ReadIndicator(root, 0, builder, []);
                return;
            }
            else if (root.ValueKind == JsonValueKind.Object && Str(root, "type") == "bundle")
            {
                return;
            }
            else
            {
                throw DataFile.Error(builder.Path, 1, "expected a STIX bundle, an array of STIX objects, or an indicator.");
            }

            var identities = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in objects.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && Str(item, "type") == "identity" && Str(item, "id") is { } id && Str(item, "name") is { } name)
                {
                    identities[id] = name;
                }
            }

            var index = 0;
            foreach (var item in objects.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw DataFile.Error(builder.Path, 1, $"objects[{index}] is not a JSON object.");
                }

                if (Str(item, "type") == "indicator")
                {
                    ReadIndicator(item, index, builder, identities);
                }

                index++;
            }
        }
    }

    private static void ReadIndicator(JsonElement item, int index, ThreatIntelTableBuilder builder, Dictionary<string, string> identities)
    {
        var id = Str(item, "id") ?? $"objects[{index}]";
        if (item.TryGetProperty("revoked", out var revoked) && revoked.ValueKind == JsonValueKind.True)
        {
            builder.Skip();
            return;
        }

        var patternType = Str(item, "pattern_type");
        if (patternType is not null && patternType != "stix")
        {
            builder.Skip();
            return;
        }

        var pattern = Str(item, "pattern") ?? throw new EnrichmentDataException($"{builder.Path}: indicator {id} has no pattern.");
        var atoms = new List<(IndicatorKind Kind, string Value)>();
        switch (StixPattern.Parse(pattern, atoms, out var error))
        {
            case StixPattern.Result.SyntaxError:
                throw new EnrichmentDataException($"{builder.Path}: indicator {id}: bad pattern: {error}");
            case StixPattern.Result.Unsupported:
                builder.Skip();
                return;
        }

        string? confidence = null;
        if (item.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number)
        {
            confidence = IndicatorText.Confidence(c.GetRawText());
        }

        List<string>? labels = null;
        if (item.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Array)
        {
            labels = [];
            foreach (var label in l.EnumerateArray())
            {
                if (label.ValueKind == JsonValueKind.String && label.GetString() is { Length: > 0 } s)
                {
                    labels.Add(s);
                }
            }
        }

        if (!IndicatorText.TryTime(Str(item, "valid_from"), out var validFrom) || !IndicatorText.TryTime(Str(item, "valid_until"), out var validUntil))
        {
            throw new EnrichmentDataException($"{builder.Path}: indicator {id}: valid_from or valid_until is not a timestamp.");
        }

        var provider = Str(item, "created_by_ref") is { } creator && identities.TryGetValue(creator, out var identity) ? identity : null;
        var details = new IndicatorDetails(provider, confidence, Str(item, "description"), Str(item, "name"), validFrom, validUntil, labels);
        foreach (var (kind, value) in atoms)
        {
            try
            {
                builder.Add(kind, value, 0, details);
            }
            catch (EnrichmentDataException ex)
            {
                throw new EnrichmentDataException($"{builder.Path}: indicator {id}: {ex.Message[(ex.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]}", ex);
            }
        }
    }

    private static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

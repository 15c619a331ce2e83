using System.Text.Json;
using Logfold.Processing.Model;
using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Parse.CloudTrail;

/// <summary>
/// AWS CloudTrail: one record per event (as CloudTrail Lake, CloudWatch Logs and most shippers emit it), the
/// S3 log-file container <c>{"Records":[...]}</c> (expanded into one event per record, each a slice of the
/// original buffer), CloudTrail Insights events and digest files. Mapped like Elastic's <c>aws.cloudtrail</c>
/// integration; see README.md beside this file.
/// </summary>
public sealed class CloudTrailSource : ISourceModule, IExpandingSource
{
    private static readonly JsonReaderOptions ExpandOptions = new() { MaxDepth = 64 };

    /// <inheritdoc />
    public string SourceType => SourceTypes.AwsCloudTrail;

    /// <inheritdoc />
    public double Score(ReadOnlySpan<byte> raw)
    {
        var s = CloudTrailMapper.TrimJson(raw);
        if (s.Length < 2 || s[0] != (byte)'{')
        {
            return 0;
        }

        if (CloudTrailMapper.TrimJson(s[1..]).StartsWith("\"Records\""u8))
        {
            return 0.95;
        }

        if (s.IndexOf("\"eventVersion\""u8) >= 0)
        {
            if (s.IndexOf("\"eventSource\""u8) >= 0 || s.IndexOf("\"eventName\""u8) >= 0)
            {
                return 0.97;
            }

            // Insights events carry no eventSource/eventName at the top level.
            return s.IndexOf("\"awsRegion\""u8) >= 0 || s.IndexOf("\"userIdentity\""u8) >= 0 || s.IndexOf("\"recipientAccountId\""u8) >= 0
                ? 0.94
                : 0.5;
        }

        if (s.IndexOf("\"digestS3Object\""u8) >= 0 && s.IndexOf("\"digestStartTime\""u8) >= 0)
        {
            return 0.95;
        }

        if (s.IndexOf("\"eventSource\""u8) >= 0 && s.IndexOf("\"eventName\""u8) >= 0)
        {
            // A record whose eventVersion was stripped by a shipper: still unmistakable with these beside it.
            return s.IndexOf("\"awsRegion\""u8) >= 0 && (s.IndexOf("\"userIdentity\""u8) >= 0 || s.IndexOf("\"sourceIPAddress\""u8) >= 0)
                ? 0.92
                : 0.6;
        }

        return 0;
    }

    /// <inheritdoc />
    public bool TryExpand(ReadOnlyMemory<byte> raw, List<ReadOnlyMemory<byte>> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var span = raw.Span;
        var lead = 0;
        while (lead < span.Length && CloudTrailMapper.IsWhitespace(span[lead]))
        {
            lead++;
        }

        if (lead >= span.Length || span[lead] != (byte)'{' || span.IndexOf("\"Records\""u8) < 0)
        {
            return false;
        }

        var before = parts.Count;
        try
        {
            var reader = new Utf8JsonReader(span, ExpandOptions);
            reader.Read();
            var found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!found && reader.ValueTextEquals("Records"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return Rollback(parts, before);
                    }

                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        parts.Add(raw.Slice(start, (int)reader.BytesConsumed - start));
                    }

                    found = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!found || parts.Count == before || reader.TokenType != JsonTokenType.EndObject ||
                !CloudTrailMapper.TrimJson(span[(int)reader.BytesConsumed..]).IsEmpty)
            {
                return Rollback(parts, before);
            }

            return true;
        }
        catch (JsonException)
        {
            // A broken container is left whole: Normalize reports why.
            return Rollback(parts, before);
        }
    }

    /// <inheritdoc />
    public ParseResult Normalize(ReadOnlySpan<byte> raw, NormalizeContext context, EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(doc);
        return CloudTrailMapper.Map(raw, context, doc);
    }

    private static bool Rollback(List<ReadOnlyMemory<byte>> parts, int count)
    {
        parts.RemoveRange(count, parts.Count - count);
        return false;
    }
}

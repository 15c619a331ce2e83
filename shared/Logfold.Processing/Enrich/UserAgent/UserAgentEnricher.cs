using System.Collections.Concurrent;
using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.UserAgent;

/// <summary>
/// Parses <c>user_agent.original</c> into <c>user_agent.{name,version,os.*,device.name}</c>, replacing the
/// partial values a mapper may have set. Results are cached per distinct string; the cache is bounded and
/// cleared when full, so a flood of unique strings costs parsing time, never memory.
/// </summary>
internal sealed class UserAgentEnricher : IEnricher
{
    private readonly ConcurrentDictionary<string, UserAgentInfo> _cache = new(StringComparer.Ordinal);
    private readonly int _cacheSize;
    private readonly int _maxLength;

    /// <summary>Creates the enricher.</summary>
    public UserAgentEnricher(string name, UserAgentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        _cacheSize = Math.Max(16, settings.CacheSize);
        _maxLength = settings.MaxLength;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>How many strings are cached now (tests and diagnostics).</summary>
    internal int CacheCount => _cache.Count;

    /// <inheritdoc />
    public EnrichOutcome Enrich(EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var original = doc.GetString(Ecs.UserAgentOriginal);
        if (original is null)
        {
            return EnrichOutcome.Skipped;
        }

        if (original.Length > _maxLength)
        {
            return EnrichOutcome.Miss;
        }

        if (!_cache.TryGetValue(original, out var info))
        {
            info = UserAgentParser.Parse(original);
            if (_cache.Count >= _cacheSize)
            {
                _cache.Clear();
            }

            _cache.TryAdd(original, info);
        }

        if (info.Name is null)
        {
            return EnrichOutcome.Miss;
        }

        doc.Set(UserAgentFields.Name, info.Name);
        doc.Set(UserAgentFields.Version, info.Version);
        doc.Set(UserAgentFields.OsName, info.OsName);
        doc.Set(UserAgentFields.OsVersion, info.OsVersion);
        doc.Set(UserAgentFields.OsFull, info.OsFull);
        doc.Set(UserAgentFields.DeviceName, info.DeviceName);
        return EnrichOutcome.Hit;
    }
}

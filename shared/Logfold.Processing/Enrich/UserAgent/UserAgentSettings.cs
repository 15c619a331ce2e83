namespace Logfold.Processing.Enrich.UserAgent;

/// <summary>Settings for the user-agent enricher.</summary>
public sealed class UserAgentSettings
{
    /// <summary>How many distinct user-agent strings are remembered (the cache is cleared when it fills).</summary>
    public int CacheSize { get; set; } = 10_000;

    /// <summary>The longest string parsed; longer ones are left alone (outcome Miss).</summary>
    public int MaxLength { get; set; } = 2048;
}

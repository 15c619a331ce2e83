namespace Logfold.Processing.Pipeline;

/// <summary>Settings and clock for normalization. Immutable and shared across threads.</summary>
public sealed class NormalizeContext
{
    /// <summary>The zone for timestamps that carry none (RFC 3164, Windows text times). Default UTC.</summary>
    public TimeZoneInfo DefaultTimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The zone PAN-OS devices are configured with; falls back to <see cref="DefaultTimeZone"/>.</summary>
    public TimeZoneInfo? PanOsTimeZone { get; init; }

    /// <summary>The processing clock, used to infer the year of RFC 3164 timestamps and for <c>event.created</c>.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>When true, <c>event.original</c> holds the raw text.</summary>
    public bool KeepOriginal { get; init; }

    /// <summary>When true, <c>event.created</c> is set from <see cref="Clock"/>.</summary>
    public bool SetEventCreated { get; init; }

    /// <summary>A context with defaults.</summary>
    public static NormalizeContext Default { get; } = new();

    /// <summary>The zone to use for PAN-OS times.</summary>
    public TimeZoneInfo PanOsZone => PanOsTimeZone ?? DefaultTimeZone;
}

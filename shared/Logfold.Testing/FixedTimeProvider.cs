namespace Logfold.Testing;

/// <summary>A clock that stands still (or moves only when told), for deterministic tests.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    /// <summary>The instant golden files are produced at: 2026-11-24T12:00:00Z.</summary>
    public static DateTimeOffset GoldenNow { get; } = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => _now += by;
}

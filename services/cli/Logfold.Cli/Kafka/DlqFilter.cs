using System.Collections.Frozen;

namespace Logfold.Cli.Kafka;

/// <summary>
/// Selects DLQ records by failing stage, reason (each a comma-separated list, exact match) and dead-letter time
/// (<c>--since</c> inclusive, <c>--until</c> exclusive).
/// </summary>
internal sealed class DlqFilter
{
    public static readonly string[] ValueOptions = ["--stage", "--reason", "--since", "--until"];

    private FrozenSet<string>? _stages;
    private FrozenSet<string>? _reasons;

    public DateTimeOffset? Since { get; private init; }

    public DateTimeOffset? Until { get; private init; }

    public static DlqFilter From(CliArgs args, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        var filter = new DlqFilter
        {
            _stages = List(args.Get("--stage")),
            _reasons = List(args.Get("--reason")),
            Since = args.Get("--since") is { } s ? CliTime.Parse(s, "--since", clock) : null,
            Until = args.Get("--until") is { } u ? CliTime.Parse(u, "--until", clock) : null,
        };
        if (filter.Since >= filter.Until)
        {
            throw new CliUsageException("--since must be before --until.");
        }

        return filter;
    }

    public bool Matches(DlqRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (_stages is null || (record.Stage is { } stage && _stages.Contains(stage)))
            && (_reasons is null || (record.Reason is { } reason && _reasons.Contains(reason)))
            && (Since is null || record.Time >= Since)
            && (Until is null || record.Time < Until);
    }

    private static FrozenSet<string>? List(string? value) =>
        value is null ? null : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}

namespace Logfold.Cli.Commands;

/// <summary>Where <c>logfold replay</c> moves a group: a fixed offset, a time, or either end of the log.</summary>
internal readonly record struct ReplayTarget(ReplayTargetKind Kind, long Offset, DateTimeOffset Time);

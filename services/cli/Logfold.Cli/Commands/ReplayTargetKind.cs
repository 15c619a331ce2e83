namespace Logfold.Cli.Commands;

/// <summary>The kinds of <see cref="ReplayTarget"/>.</summary>
internal enum ReplayTargetKind
{
    Offset,
    Time,
    Earliest,
    Latest,
}

namespace Logfold.Cli;

/// <summary>Opens the CLI's input and output: a path, or <c>-</c> (or nothing) for stdin/stdout.</summary>
internal static class CliIo
{
    public static Stream OpenInput(string? path, Stream stdin) =>
        path is null or "-" ? stdin : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public static Stream OpenOutput(string? path, Stream stdout) =>
        path is null or "-" ? stdout : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
}

using Microsoft.Extensions.Logging;

namespace Logfold.Enricher;

/// <summary>The enricher host's log messages (event ids 3001-3099). Never payloads or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Information, "Enrichment chain ready: {Chain} ({Files} data file(s))")]
    public static partial void ChainReady(ILogger logger, string chain, int files);

    [LoggerMessage(3002, LogLevel.Information, "Enrichment data reloaded: {Path} (version {Version})")]
    public static partial void Reloaded(ILogger logger, string path, long version);

    [LoggerMessage(3003, LogLevel.Error, "Enrichment data rejected, the previous version {Version} stays in use: {Path}: {Error}")]
    public static partial void ReloadRejected(ILogger logger, string path, long version, string error);

    [LoggerMessage(3004, LogLevel.Information, "Admin reload requested: {Reloaded} of {Total} data file(s) now use new data, {Failed} rejected")]
    public static partial void AdminReload(ILogger logger, int reloaded, int total, int failed);
}

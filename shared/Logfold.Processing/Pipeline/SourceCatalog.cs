using Logfold.Processing.Parse.CloudTrail;
using Logfold.Processing.Parse.LinuxSyslog;
using Logfold.Processing.Parse.PaloAlto;
using Logfold.Processing.Parse.WindowsEvent;

namespace Logfold.Processing.Pipeline;

/// <summary>The built-in source modules.</summary>
public static class SourceCatalog
{
    /// <summary>The four core modules, in detection order.</summary>
    public static IReadOnlyList<ISourceModule> BuiltIn() =>
    [
        new PaloAltoSource(),
        new WindowsEventSource(),
        new CloudTrailSource(),
        new LinuxSyslogSource(),
    ];
}

namespace Logfold.Processing.Pipeline;

/// <summary>The built-in source type names (the values of <c>logfold.source</c>).</summary>
public static class SourceTypes
{
    /// <summary>Windows Event Log (XML or JSON renderings, Sysmon included).</summary>
    public const string WindowsEvent = "windows_event";

    /// <summary>Linux syslog: RFC 3164, RFC 5424 and journald JSON.</summary>
    public const string LinuxSyslog = "linux_syslog";

    /// <summary>Palo Alto Networks PAN-OS syslog CSV, CEF and LEEF.</summary>
    public const string PaloAlto = "paloalto";

    /// <summary>AWS CloudTrail records.</summary>
    public const string AwsCloudTrail = "aws_cloudtrail";

    /// <summary>Anything not recognised with enough confidence.</summary>
    public const string Unknown = "unknown";
}

namespace Logfold.Processing.Enrich.UserAgent;

/// <summary>What a user-agent string says about the client. Immutable and cached per distinct string.</summary>
internal sealed class UserAgentInfo
{
    private string? _osFull;

    /// <summary>A string nothing could be read from.</summary>
    public static UserAgentInfo Unknown { get; } = new();

    /// <summary><c>user_agent.name</c>.</summary>
    public string? Name { get; init; }

    /// <summary><c>user_agent.version</c>.</summary>
    public string? Version { get; init; }

    /// <summary><c>user_agent.os.name</c>.</summary>
    public string? OsName { get; init; }

    /// <summary><c>user_agent.os.version</c>.</summary>
    public string? OsVersion { get; init; }

    /// <summary><c>user_agent.os.full</c> (computed once; instances are cached and shared).</summary>
    public string? OsFull => _osFull ??= OsName is null ? null : OsVersion is null ? OsName : OsName + " " + OsVersion;

    /// <summary><c>user_agent.device.name</c>.</summary>
    public string? DeviceName { get; init; }
}

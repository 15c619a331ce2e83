using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.UserAgent;

/// <summary>The <c>user_agent.*</c> fields the enricher writes.</summary>
internal static class UserAgentFields
{
    public static readonly FieldPath Name = FieldPath.Of("user_agent.name");
    public static readonly FieldPath Version = FieldPath.Of("user_agent.version");
    public static readonly FieldPath OsName = FieldPath.Of("user_agent.os.name");
    public static readonly FieldPath OsVersion = FieldPath.Of("user_agent.os.version");
    public static readonly FieldPath OsFull = FieldPath.Of("user_agent.os.full");
    public static readonly FieldPath DeviceName = FieldPath.Of("user_agent.device.name");
}

namespace Logfold.Processing.Enrich.Users;

/// <summary>Which users of an event the user enricher looks up.</summary>
public sealed class UserSettings
{
    /// <summary>
    /// Roles to enrich: <c>user</c> (user.*, written to <c>logfold.user.*</c>), <c>target</c>
    /// (user.target.* → <c>logfold.user.target.*</c>) and <c>effective</c> (user.effective.* →
    /// <c>logfold.user.effective.*</c>).
    /// </summary>
    public IList<string> Roles { get; set; } = ["user", "target"];
}

namespace Logfold.Processing.Enrich.Users;

/// <summary>One directory entry. Immutable.</summary>
internal sealed class UserRecord
{
    /// <summary>The account name (sAMAccountName).</summary>
    public string? UserName { get; init; }

    /// <summary>The account's domain (NetBIOS or DNS form, as exported).</summary>
    public string? Domain { get; init; }

    /// <summary>The Windows security identifier.</summary>
    public string? Sid { get; init; }

    /// <summary>The e-mail address (or UPN).</summary>
    public string? Email { get; init; }

    /// <summary>The display name.</summary>
    public string? FullName { get; init; }

    /// <summary>The department.</summary>
    public string? Department { get; init; }

    /// <summary>The job title.</summary>
    public string? Title { get; init; }

    /// <summary>The manager.</summary>
    public string? Manager { get; init; }

    /// <summary>Whether the account is privileged (admin groups).</summary>
    public bool? Privileged { get; init; }

    /// <summary>Whether the account is disabled.</summary>
    public bool? Disabled { get; init; }
}

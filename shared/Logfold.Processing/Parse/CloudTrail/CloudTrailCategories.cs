using System.Collections.Frozen;

namespace Logfold.Processing.Parse.CloudTrail;

/// <summary>
/// ECS categorization by <c>eventName</c>, as Elastic's <c>aws.cloudtrail</c> pipeline does it: names not
/// listed keep <c>event.type: [info]</c> and no <c>event.category</c>. The keys double as a string cache for
/// <c>event.action</c>, so the common names never allocate.
/// </summary>
internal static class CloudTrailCategories
{
    /// <summary>One row: the categories and types an event name maps to.</summary>
    internal sealed record Row(string Name, string[] Category, string[] Type);

    private static readonly string[] Iam = ["iam"];
    private static readonly string[] Authentication = ["authentication"];
    private static readonly string[] File = ["file"];
    private static readonly string[] GroupChange = ["group", "change"];
    private static readonly string[] GroupCreation = ["group", "creation"];
    private static readonly string[] GroupDeletion = ["group", "deletion"];
    private static readonly string[] GroupInfo = ["group", "info"];
    private static readonly string[] UserChange = ["user", "change"];
    private static readonly string[] UserCreation = ["user", "creation"];
    private static readonly string[] UserDeletion = ["user", "deletion"];
    private static readonly string[] UserInfo = ["user", "info"];
    private static readonly string[] AdminChange = ["admin", "change"];
    private static readonly string[] AdminCreation = ["admin", "creation"];
    private static readonly string[] Info = ["info"];
    private static readonly string[] Creation = ["creation"];
    private static readonly string[] Deletion = ["deletion"];

    private static readonly FrozenDictionary<string, Row> Rows = Build();

    private static readonly FrozenDictionary<string, Row>.AlternateLookup<ReadOnlySpan<char>> ByChars =
        Rows.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The default <c>event.type</c> for names without a row.</summary>
    public static string[] DefaultType => Info;

    /// <summary>Finds the row for an event name given as characters.</summary>
    public static Row? Find(ReadOnlySpan<char> eventName) => ByChars.TryGetValue(eventName, out var row) ? row : null;

    /// <summary>Finds the row for an event name.</summary>
    public static Row? Find(string eventName) => Rows.TryGetValue(eventName, out var row) ? row : null;

    private static FrozenDictionary<string, Row> Build()
    {
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        void Add(string name, string[] category, string[] type) => rows[name] = new Row(name, category, type);

        Add("AddUserToGroup", Iam, GroupChange);
        Add("AssumeRole", Authentication, Info);
        Add("AttachGroupPolicy", Iam, GroupChange);
        Add("AttachUserPolicy", Iam, UserChange);
        Add("ChangePassword", Iam, UserChange);
        Add("ConsoleLogin", Authentication, Info);
        Add("CreateAccessKey", Iam, UserChange);
        Add("CreateBucket", File, Creation);
        Add("CreateGroup", Iam, GroupCreation);
        Add("CreateKeyPair", Iam, AdminCreation);
        Add("CreateUser", Iam, UserCreation);
        Add("CreateVirtualMFADevice", Iam, UserChange);
        Add("DeactivateMFADevice", Iam, UserChange);
        Add("DeleteAccessKey", Iam, UserChange);
        Add("DeleteBucket", File, Deletion);
        Add("DeleteGroup", Iam, GroupDeletion);
        Add("DeleteGroupPolicy", Iam, GroupChange);
        Add("DeleteSSHPublicKey", Iam, UserChange);
        Add("DeleteUser", Iam, UserDeletion);
        Add("DeleteUserPermissionsBoundary", Iam, UserChange);
        Add("DeleteUserPolicy", Iam, UserChange);
        Add("DeleteVirtualMFADevice", Iam, UserChange);
        Add("DetachGroupPolicy", Iam, GroupChange);
        Add("DetachUserPolicy", Iam, UserChange);
        Add("EnableMFADevice", Iam, UserChange);
        Add("GetGroup", Iam, GroupInfo);
        Add("GetGroupPolicy", Iam, GroupInfo);
        Add("GetUser", Iam, UserInfo);
        Add("GetUserPolicy", Iam, UserInfo);
        Add("ListAttachedGroupPolicies", Iam, GroupInfo);
        Add("ListAttachedUserPolicies", Iam, UserInfo);
        Add("ListGroupPolicies", Iam, GroupInfo);
        Add("ListGroups", Iam, GroupInfo);
        Add("ListGroupsForUser", Iam, UserInfo);
        Add("ListUserPolicies", Iam, UserInfo);
        Add("ListUsers", Iam, UserInfo);
        Add("ListUserTags", Iam, UserInfo);
        Add("PutGroupPolicy", Iam, GroupChange);
        Add("PutUserPermissionsBoundary", Iam, UserChange);
        Add("PutUserPolicy", Iam, UserChange);
        Add("RemoveUserFromGroup", Iam, GroupChange);
        Add("SetDefaultPolicyVersion", Iam, AdminChange);
        Add("SetSecurityTokenServicePreferences", Iam, AdminChange);
        Add("TagUser", Iam, UserChange);
        Add("UntagUser", Iam, UserChange);
        Add("UpdateAccessKey", Iam, UserChange);
        Add("UpdateAccountPasswordPolicy", Iam, AdminChange);
        Add("UpdateGroup", Iam, GroupChange);
        Add("UpdateLoginProfile", Iam, UserChange);
        Add("UpdateRole", Iam, AdminChange);
        Add("UpdateSSHPublicKey", Iam, UserChange);
        Add("UpdateUser", Iam, UserChange);
        return rows.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

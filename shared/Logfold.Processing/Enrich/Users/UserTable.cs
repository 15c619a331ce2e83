using System.Collections.Frozen;
using Logfold.Processing.Enrich.Tables;

namespace Logfold.Processing.Enrich.Users;

/// <summary>
/// A user directory export keyed by SID, e-mail and name. Names are indexed both as <c>domain\name</c> and
/// bare; a bare name that belongs to accounts in two domains is ambiguous and matches only when the event
/// names the domain. All keys compare case-insensitively. Immutable.
/// </summary>
internal sealed class UserTable
{
    private static readonly FrozenSet<string> YamlKeys = new[]
    {
        "user_name", "username", "domain", "sid", "email", "full_name", "display_name", "department", "title", "manager", "privileged", "disabled",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Marks a bare name shared by accounts in different domains.
    private static readonly UserRecord Ambiguous = new();

    private readonly Dictionary<string, UserRecord>.AlternateLookup<ReadOnlySpan<char>> _bySid;
    private readonly Dictionary<string, UserRecord>.AlternateLookup<ReadOnlySpan<char>> _byEmail;
    private readonly Dictionary<string, UserRecord>.AlternateLookup<ReadOnlySpan<char>> _byName;
    private readonly Dictionary<string, UserRecord>.AlternateLookup<ReadOnlySpan<char>> _byQualified;

    private UserTable(Dictionary<string, UserRecord> bySid, Dictionary<string, UserRecord> byEmail, Dictionary<string, UserRecord> byName, Dictionary<string, UserRecord> byQualified, int count)
    {
        _bySid = bySid.GetAlternateLookup<ReadOnlySpan<char>>();
        _byEmail = byEmail.GetAlternateLookup<ReadOnlySpan<char>>();
        _byName = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _byQualified = byQualified.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = count;
    }

    /// <summary>How many users the table holds.</summary>
    public int Count { get; }

    /// <summary>
    /// Loads a CSV or YAML (<c>users:</c> list) export with <c>user_name</c> (or <c>username</c>), <c>domain</c>,
    /// <c>sid</c>, <c>email</c>, <c>full_name</c> (or <c>display_name</c>), <c>department</c>, <c>title</c>,
    /// <c>manager</c>, <c>privileged</c> and <c>disabled</c> (true/false, yes/no, 1/0).
    /// </summary>
    /// <exception cref="EnrichmentDataException">The file is missing, too big or broken (the message names file and line).</exception>
    public static UserTable Load(string path)
    {
        var bySid = new Dictionary<string, UserRecord>(StringComparer.OrdinalIgnoreCase);
        var byEmail = new Dictionary<string, UserRecord>(StringComparer.OrdinalIgnoreCase);
        var byName = new Dictionary<string, UserRecord>(StringComparer.OrdinalIgnoreCase);
        var byQualified = new Dictionary<string, UserRecord>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var record in DataRecordReader.Read(path, "users", YamlKeys))
        {
            var user = new UserRecord
            {
                UserName = record.Get("user_name", "username"),
                Domain = record.Get("domain"),
                Sid = record.Get("sid"),
                Email = record.Get("email"),
                FullName = record.Get("full_name", "display_name"),
                Department = record.Get("department"),
                Title = record.Get("title"),
                Manager = record.Get("manager"),
                Privileged = record.GetBool("privileged"),
                Disabled = record.GetBool("disabled"),
            };
            if (user.UserName is null && user.Sid is null && user.Email is null)
            {
                throw record.Error("the entry has no user_name, sid or email to look it up by.");
            }

            if (user.Sid is { } sid && (!sid.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase) || !bySid.TryAdd(sid, user)))
            {
                throw record.Error($"sid '{sid}' is not a SID (S-1-...) or is listed twice.");
            }

            if (user.Email is { } email && (!email.Contains('@', StringComparison.Ordinal) || !byEmail.TryAdd(email, user)))
            {
                throw record.Error($"email '{email}' is not an address or is listed twice.");
            }

            if (user.UserName is { } name)
            {
                if (name.Contains('\\', StringComparison.Ordinal) || name.Contains('@', StringComparison.Ordinal))
                {
                    throw record.Error($"user_name '{name}' must be the bare account name; put the domain in 'domain' and the address in 'email'.");
                }

                if (!byQualified.TryAdd((user.Domain ?? string.Empty) + "\\" + name, user))
                {
                    throw record.Error($"user '{user.Domain}\\{name}' is listed twice.");
                }

                if (!byName.TryAdd(name, user))
                {
                    byName[name] = Ambiguous;
                }
            }

            count++;
        }

        return new UserTable(bySid, byEmail, byName, byQualified, count);
    }

    /// <summary>By SID.</summary>
    public bool TryGetBySid(ReadOnlySpan<char> sid, out UserRecord user) => _bySid.TryGetValue(sid.Trim(), out user!);

    /// <summary>By e-mail address or UPN.</summary>
    public bool TryGetByEmail(ReadOnlySpan<char> email, out UserRecord user) => _byEmail.TryGetValue(email.Trim(), out user!);

    /// <summary>
    /// By name, which may be <c>DOMAIN\name</c>, <c>name@domain</c> (tried as an e-mail first) or bare with
    /// <paramref name="domain"/> from the event. A qualified name that is not listed falls back to the bare
    /// name unless that is ambiguous.
    /// </summary>
    public bool TryGetByName(ReadOnlySpan<char> name, ReadOnlySpan<char> domain, out UserRecord user)
    {
        name = name.Trim();
        var slash = name.IndexOf('\\');
        if (slash >= 0)
        {
            domain = name[..slash];
            name = name[(slash + 1)..];
        }
        else
        {
            var at = name.IndexOf('@');
            if (at > 0)
            {
                if (_byEmail.TryGetValue(name, out user!))
                {
                    return true;
                }

                name = name[..at];
            }
        }

        if (name.IsEmpty)
        {
            user = null!;
            return false;
        }

        if (!domain.IsEmpty && domain.Length + name.Length < 512)
        {
            Span<char> key = stackalloc char[domain.Length + 1 + name.Length];
            domain.CopyTo(key);
            key[domain.Length] = '\\';
            name.CopyTo(key[(domain.Length + 1)..]);
            if (_byQualified.TryGetValue(key, out user!))
            {
                return true;
            }
        }

        return _byName.TryGetValue(name, out user!) && !ReferenceEquals(user, Ambiguous);
    }
}

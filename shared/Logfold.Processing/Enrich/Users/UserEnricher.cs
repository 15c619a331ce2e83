using Logfold.Processing.Model;

namespace Logfold.Processing.Enrich.Users;

/// <summary>
/// Adds directory context for the acting user and the target user:
/// <c>logfold.user[.target].{department,title,manager,privileged,disabled}</c>, and <c>user[.target].full_name</c>
/// and <c>.email</c> when the event has none. Lookup order per role: SID in <c>.id</c>, <c>.email</c>, then
/// <c>.name</c> with <c>.domain</c>.
/// </summary>
internal sealed class UserEnricher : IEnricher
{
    private readonly IDataSnapshot<UserTable> _data;
    private readonly Role[] _roles;

    /// <summary>Creates the enricher.</summary>
    /// <exception cref="ArgumentException">A role is not user, target or effective.</exception>
    public UserEnricher(string name, IDataSnapshot<UserTable> data, UserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        _data = data;
        _roles = new Role[settings.Roles.Count];
        for (var i = 0; i < _roles.Length; i++)
        {
            _roles[i] = Role.Create(settings.Roles[i]);
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public EnrichOutcome Enrich(EcsDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var table = _data.Current;
        var looked = false;
        var hit = false;
        foreach (var role in _roles)
        {
            var id = doc.GetString(role.Id);
            var email = doc.GetString(role.Email);
            var name = doc.GetString(role.Name);
            if (id is null && email is null && name is null)
            {
                continue;
            }

            looked = true;
            UserRecord? user = null;
            if (id is not null && id.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase) && table.TryGetBySid(id, out var bySid))
            {
                user = bySid;
            }
            else if (email is not null && table.TryGetByEmail(email, out var byEmail))
            {
                user = byEmail;
            }
            else if (name is not null && table.TryGetByName(name, doc.GetString(role.Domain), out var byName))
            {
                user = byName;
            }

            if (user is null)
            {
                continue;
            }

            hit = true;
            doc.Set(role.Department, user.Department);
            doc.Set(role.Title, user.Title);
            doc.Set(role.Manager, user.Manager);
            if (user.Privileged is { } privileged)
            {
                doc.Set(role.Privileged, privileged);
            }

            if (user.Disabled is { } disabled)
            {
                doc.Set(role.Disabled, disabled);
            }

            doc.SetIfAbsent(role.FullName, user.FullName);
            doc.SetIfAbsent(role.Email, user.Email);
        }

        return hit ? EnrichOutcome.Hit : looked ? EnrichOutcome.Miss : EnrichOutcome.Skipped;
    }

    private sealed class Role
    {
        public required FieldPath Id { get; init; }

        public required FieldPath Name { get; init; }

        public required FieldPath Domain { get; init; }

        public required FieldPath Email { get; init; }

        public required FieldPath FullName { get; init; }

        public required FieldPath Department { get; init; }

        public required FieldPath Title { get; init; }

        public required FieldPath Manager { get; init; }

        public required FieldPath Privileged { get; init; }

        public required FieldPath Disabled { get; init; }

        public static Role Create(string role)
        {
            var (source, target) = role switch
            {
                "user" => ("user.", "logfold.user."),
                "target" => ("user.target.", "logfold.user.target."),
                "effective" => ("user.effective.", "logfold.user.effective."),
                _ => throw new ArgumentException($"Unknown user role '{role}' (use user, target or effective).", nameof(role)),
            };
            return new Role
            {
                Id = FieldPath.Of(source + "id"),
                Name = FieldPath.Of(source + "name"),
                Domain = FieldPath.Of(source + "domain"),
                Email = FieldPath.Of(source + "email"),
                FullName = FieldPath.Of(source + "full_name"),
                Department = FieldPath.Of(target + "department"),
                Title = FieldPath.Of(target + "title"),
                Manager = FieldPath.Of(target + "manager"),
                Privileged = FieldPath.Of(target + "privileged"),
                Disabled = FieldPath.Of(target + "disabled"),
            };
        }
    }
}

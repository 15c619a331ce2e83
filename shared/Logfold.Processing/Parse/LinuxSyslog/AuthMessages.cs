using Logfold.Processing.Model;
using static Logfold.Processing.Parse.LinuxSyslog.Utf8Text;

namespace Logfold.Processing.Parse.LinuxSyslog;

/// <summary>
/// Authentication and account messages, mapped like Elastic's <c>system.auth</c> ingest pipeline: the sshd
/// login grok patterns and their categorisation script, the sudo pattern, new user/group lines, and the PAM
/// rules (users, rhost, session/auth/chauthtok categories, faillock, unix_chkpwd). A few programs Elastic leaves
/// as plain text (su, cron, systemd-logind, sshd disconnects) get light, documented extras.
/// </summary>
internal static class AuthMessages
{
    // ---------------------------------------------------------------- sshd

    public static bool Ssh(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        var dropped = "Did not receive identification string from "u8;
        if (m.StartsWith(dropped))
        {
            var host = HostToken(m[dropped.Length..]);
            if (IsIp(host))
            {
                var ip = Str(host);
                doc.Set(SyslogFields.SshDroppedIp, ip);
                doc.Set(Ecs.SourceIp, ip);
            }

            return true;
        }

        if (SshLogin(m, doc) || SshUserFrom(m, doc) || SshDisconnect(m, doc))
        {
            return true;
        }

        // "input_userauth_request: invalid user bob [preauth]" and similar: keep the user name.
        var invalid = m.IndexOf("invalid user "u8);
        if (invalid >= 0)
        {
            var user = Word(m[(invalid + 13)..]);
            if (!user.IsEmpty && user[0] != (byte)'[')
            {
                doc.Set(Ecs.UserName, Str(user));
                return true;
            }
        }

        return false;
    }

    // "%{event} %{method} for (invalid user )?%{user} from %{host} port %{port} ssh2(: %{signature})?"
    private static bool SshLogin(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        var forAt = m.IndexOf(" for "u8);
        if (forAt <= 0)
        {
            return false;
        }

        var head = m[..forAt];
        var sp = head.IndexOf((byte)' ');
        if (sp <= 0 || sp == head.Length - 1)
        {
            return false;
        }

        var rest = m[(forAt + 5)..];
        if (rest.StartsWith("invalid user "u8))
        {
            rest = rest[13..];
        }

        var fromAt = rest.IndexOf(" from "u8);
        if (fromAt < 0)
        {
            return false;
        }

        var user = rest[..fromAt];
        var after = rest[(fromAt + 6)..];
        var host = HostToken(after);
        if (host.IsEmpty || !after[host.Length..].StartsWith(" port "u8))
        {
            return false;
        }

        after = after[(host.Length + 6)..];
        var port = Digits(after);
        if (port.IsEmpty)
        {
            return false;
        }

        after = after[port.Length..];
        ReadOnlySpan<byte> signature = default;
        if (after.StartsWith(" ssh2"u8))
        {
            after = after[5..];
            if (after.StartsWith(": "u8))
            {
                signature = after[2..];
            }
        }
        else if (!after.IsEmpty && after[0] != (byte)' ')
        {
            return false;
        }

        var evt = head[..sp];
        doc.Set(SyslogFields.SshEvent, Str(evt));
        doc.Set(SyslogFields.SshMethod, Str(head[(sp + 1)..]));
        doc.Set(Ecs.UserName, Str(TrimWhite(user)));
        SetSource(host, doc);
        if (TryLong(port, out var p))
        {
            doc.Set(Ecs.SourcePort, p);
        }

        doc.Set(SyslogFields.SshSignature, Str(TrimWhite(signature)));
        Categorize(evt, doc);
        return true;
    }

    // "%{event} user %{user} from %{host}" (Elastic's second sshd pattern; also catches PAM "illegal user" errors).
    private static bool SshUserFrom(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        var userAt = m.IndexOf(" user "u8);
        if (userAt <= 0)
        {
            return false;
        }

        var rest = m[(userAt + 6)..];
        var fromAt = rest.IndexOf(" from "u8);
        if (fromAt < 0)
        {
            return false;
        }

        var after = rest[(fromAt + 6)..];
        var host = HostToken(after);
        if (host.IsEmpty)
        {
            return false;
        }

        var evt = m[..userAt];
        doc.Set(SyslogFields.SshEvent, Str(evt));
        doc.Set(Ecs.UserName, Str(TrimWhite(rest[..fromAt])));
        SetSource(host, doc);
        SetPortAfter(after[host.Length..], doc);
        Categorize(evt, doc);
        return true;
    }

    // Logfold extra: disconnect and connection-closed lines carry the peer and, when known, the user.
    private static bool SshDisconnect(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        ReadOnlySpan<byte> rest;
        if (m.StartsWith("Received disconnect from "u8))
        {
            rest = m[25..];
        }
        else if (m.StartsWith("Disconnected from "u8))
        {
            rest = m[18..];
        }
        else if (m.StartsWith("Connection closed by "u8))
        {
            rest = m[21..];
        }
        else
        {
            return false;
        }

        if (rest.StartsWith("invalid user "u8))
        {
            rest = rest[13..];
        }
        else if (rest.StartsWith("authenticating user "u8))
        {
            rest = rest[20..];
        }
        else if (rest.StartsWith("user "u8))
        {
            rest = rest[5..];
        }
        else
        {
            rest = PrefixUserless(rest, doc);
            return !rest.IsEmpty || doc.Has(Ecs.SourceAddress);
        }

        var user = Word(rest);
        if (user.IsEmpty || user.Length == rest.Length)
        {
            return false;
        }

        doc.Set(Ecs.UserName, Str(user));
        PrefixUserless(rest[(user.Length + 1)..], doc);
        return true;
    }

    private static ReadOnlySpan<byte> PrefixUserless(ReadOnlySpan<byte> rest, EcsDocument doc)
    {
        var host = HostToken(rest);
        if (!IsIp(host))
        {
            return default;
        }

        SetSource(host, doc);
        SetPortAfter(rest[host.Length..], doc);
        doc.Set(Ecs.EventAction, "ssh_disconnect");
        if (rest.IndexOf("[preauth]"u8) < 0)
        {
            // A session existed only when the peer got past authentication.
            doc.Add(Ecs.EventCategory, "session");
            doc.Add(Ecs.EventType, "end");
        }

        return rest;
    }

    private static void SetPortAfter(ReadOnlySpan<byte> after, EcsDocument doc)
    {
        if (after.StartsWith(" port "u8) && TryLong(Digits(after[6..]), out var port))
        {
            doc.Set(Ecs.SourcePort, port);
        }
    }

    // Elastic's script-categorize-ssh-event.
    private static void Categorize(ReadOnlySpan<byte> evt, EcsDocument doc)
    {
        if (evt.SequenceEqual("Accepted"u8))
        {
            doc.Add(Ecs.EventType, "info");
            doc.Add(Ecs.EventCategory, "authentication");
            doc.Add(Ecs.EventCategory, "session");
            doc.Set(Ecs.EventAction, "ssh_login");
            doc.Set(Ecs.EventOutcome, "success");
        }
        else if (evt.SequenceEqual("Invalid"u8) || evt.SequenceEqual("Failed"u8))
        {
            doc.Add(Ecs.EventType, "info");
            doc.Add(Ecs.EventCategory, "authentication");
            doc.Set(Ecs.EventAction, "ssh_login");
            doc.Set(Ecs.EventOutcome, "failure");
        }
    }

    internal static void SetSource(ReadOnlySpan<byte> host, EcsDocument doc)
    {
        var text = Str(host);
        doc.Set(Ecs.SourceAddress, text);
        doc.Set(IsIp(host) ? Ecs.SourceIp : Ecs.SourceDomain, text);
    }

    // ---------------------------------------------------------------- sudo

    // "%{user} :( %{error} ;)? TTY=%{tty} ; PWD=%{pwd} ; USER=%{user} ; COMMAND=%{command}"
    public static bool Sudo(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        var sep = m.IndexOf(" : "u8);
        var cmdAt = m.IndexOf("COMMAND="u8);
        if (sep <= 0 || cmdAt < sep)
        {
            return false;
        }

        var fields = m[(sep + 3)..cmdAt];
        ReadOnlySpan<byte> error = default, tty = default, pwd = default, runAs = default;
        while (!fields.IsEmpty)
        {
            var end = fields.IndexOf(" ;"u8);
            var segment = TrimWhite(end < 0 ? fields : fields[..end]);
            fields = end < 0 ? default : fields[(end + 2)..];
            if (segment.StartsWith("TTY="u8))
            {
                tty = segment[4..];
            }
            else if (segment.StartsWith("PWD="u8))
            {
                pwd = segment[4..];
            }
            else if (segment.StartsWith("USER="u8))
            {
                runAs = segment[5..];
            }
            else if (segment.IndexOf((byte)'=') < 0 && tty.IsEmpty && pwd.IsEmpty && runAs.IsEmpty)
            {
                error = segment;
            }
        }

        if (runAs.IsEmpty)
        {
            return false;
        }

        doc.Set(Ecs.UserName, Str(TrimWhite(m[..sep])));
        doc.Set(SyslogFields.SudoError, Str(error));
        doc.Set(SyslogFields.SudoTty, Str(tty));
        doc.Set(SyslogFields.SudoPwd, Str(pwd));
        doc.Set(SyslogFields.SudoUser, Str(runAs));
        doc.Set(SyslogFields.SudoCommand, Str(TrimWhite(m[(cmdAt + 8)..])));
        doc.Set(Ecs.UserEffectiveName, Str(runAs));
        doc.Add(Ecs.EventCategory, "process");
        doc.Add(Ecs.EventType, "start");
        return true;
    }

    // ---------------------------------------------------------------- su, cron, logind (Logfold extras)

    public static bool Su(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        // "Successful su for root by alice" / "FAILED su for root by alice"
        var ok = m.StartsWith("Successful su for "u8);
        if (ok || m.StartsWith("FAILED su for "u8))
        {
            var rest = m[(ok ? 18 : 14)..];
            var by = rest.IndexOf(" by "u8);
            if (by <= 0)
            {
                return false;
            }

            doc.Set(Ecs.UserEffectiveName, Str(rest[..by]));
            doc.Set(Ecs.UserName, Str(Word(rest[(by + 4)..])));
            doc.Add(Ecs.EventCategory, "authentication");
            doc.Add(Ecs.EventType, "info");
            doc.Set(Ecs.EventOutcome, ok ? "success" : "failure");
            return true;
        }

        // Old util-linux/shadow su: "+ /dev/pts/1 alice:root" (success) or "- /dev/pts/1 alice:root" (failure).
        if (m.Length > 4 && m[0] is (byte)'+' or (byte)'-' && m[1] == (byte)' ')
        {
            var rest = TrimWhite(m[2..]);
            var tty = Word(rest);
            var pair = tty.Length < rest.Length ? Word(TrimWhite(rest[tty.Length..])) : default;
            var colon = pair.IndexOf((byte)':');
            if (colon <= 0 || colon == pair.Length - 1)
            {
                return false;
            }

            doc.Set(Ecs.UserName, Str(pair[..colon]));
            doc.Set(Ecs.UserEffectiveName, Str(pair[(colon + 1)..]));
            doc.Add(Ecs.EventCategory, "authentication");
            doc.Add(Ecs.EventType, "info");
            doc.Set(Ecs.EventOutcome, m[0] == (byte)'+' ? "success" : "failure");
            return true;
        }

        // "(to root) alice on pts/0" / "FAILED SU (to root) alice on pts/0"
        var failed = m.StartsWith("FAILED SU "u8);
        var s = failed ? m[10..] : m;
        if (s.StartsWith("(to "u8))
        {
            var close = s.IndexOf((byte)')');
            if (close < 5)
            {
                return false;
            }

            doc.Set(Ecs.UserEffectiveName, Str(s[4..close]));
            doc.Set(Ecs.UserName, Str(Word(TrimWhite(s[(close + 1)..]))));
            doc.Add(Ecs.EventCategory, "authentication");
            doc.Add(Ecs.EventType, "info");
            doc.Set(Ecs.EventOutcome, failed ? "failure" : "success");
            return true;
        }

        return false;
    }

    // "(root) CMD (/usr/lib/php/sessionclean)"
    public static bool Cron(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        if (m.Length < 4 || m[0] != (byte)'(')
        {
            return false;
        }

        var close = m.IndexOf((byte)')');
        if (close < 2)
        {
            return false;
        }

        doc.Set(Ecs.UserName, Str(m[1..close]));
        return true;
    }

    // "New session 12 of user alice." / "Removed session 12."
    public static bool Logind(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        if (m.StartsWith("New session "u8))
        {
            var of = m.IndexOf(" of user "u8);
            if (of < 0)
            {
                return false;
            }

            var user = Word(m[(of + 9)..]);
            doc.Set(Ecs.UserName, Str(user.Length > 0 && user[^1] == (byte)'.' ? user[..^1] : user));
            doc.Add(Ecs.EventCategory, "session");
            doc.Add(Ecs.EventType, "start");
            return true;
        }

        if (m.StartsWith("Removed session "u8))
        {
            doc.Add(Ecs.EventCategory, "session");
            doc.Add(Ecs.EventType, "end");
            return true;
        }

        return false;
    }

    // ---------------------------------------------------------------- user and group management

    public static bool UserGroup(ReadOnlySpan<byte> program, ReadOnlySpan<byte> m, EcsDocument doc)
    {
        if (m.StartsWith("new group: name="u8))
        {
            var rest = m[16..];
            var comma = rest.IndexOf(", GID="u8);
            if (comma <= 0)
            {
                return false;
            }

            doc.Set(Ecs.GroupName, Str(rest[..comma]));
            doc.Set(Ecs.GroupId, Str(Digits(rest[(comma + 6)..])));
            return true;
        }

        // groupadd's per-file lines: "group added to /etc/group: name=tsg, GID=1003".
        if (m.StartsWith("group added to "u8))
        {
            var name = m.IndexOf(": name="u8);
            if (name < 0)
            {
                return false;
            }

            var rest = m[(name + 7)..];
            var comma = rest.IndexOf(", GID="u8);
            doc.Set(Ecs.GroupName, Str(comma < 0 ? rest : rest[..comma]));
            if (comma >= 0)
            {
                doc.Set(Ecs.GroupId, Str(Digits(rest[(comma + 6)..])));
            }

            return true;
        }

        if (m.StartsWith("new user: "u8))
        {
            return NewUser(m[10..], doc);
        }

        if (program.SequenceEqual("usermod"u8))
        {
            // "add 'alice' to group 'docker'" / "add 'alice' to shadow group 'docker'"
            if (m.StartsWith("add '"u8))
            {
                var rest = m[5..];
                var q = rest.IndexOf((byte)'\'');
                var g = rest.IndexOf("group '"u8);
                if (q <= 0 || g < q)
                {
                    return false;
                }

                var groupRest = rest[(g + 7)..];
                var gq = groupRest.IndexOf((byte)'\'');
                doc.Set(Ecs.UserName, Str(rest[..q]));
                doc.Set(Ecs.GroupName, Str(gq < 0 ? groupRest : groupRest[..gq]));
                doc.Set(Ecs.EventAction, "group-member-added");
                return true;
            }

            return QuotedUser(m, "user '"u8, doc);
        }

        if (program.SequenceEqual("userdel"u8))
        {
            if (m.StartsWith("removed group '"u8))
            {
                return QuotedGroup(m[15..], doc);
            }

            return QuotedUser(m, "user '"u8, doc);
        }

        if (program.SequenceEqual("groupdel"u8) || program.SequenceEqual("groupmod"u8))
        {
            var g = m.IndexOf("group '"u8);
            return g >= 0 && QuotedGroup(m[(g + 7)..], doc);
        }

        if (program.SequenceEqual("gpasswd"u8))
        {
            return Gpasswd(m, doc);
        }

        return false;
    }

    // "name=apache, UID=48, GID=48, home=/usr/share/httpd, shell=/sbin/nologin[, from=/dev/pts/0]"
    private static bool NewUser(ReadOnlySpan<byte> rest, EcsDocument doc)
    {
        var any = false;
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(", "u8);
            var pair = comma < 0 ? rest : rest[..comma];
            rest = comma < 0 ? default : rest[(comma + 2)..];
            var eq = pair.IndexOf((byte)'=');
            if (eq <= 0)
            {
                continue;
            }

            var key = pair[..eq];
            var value = Str(pair[(eq + 1)..]);
            if (key.SequenceEqual("name"u8))
            {
                doc.Set(Ecs.UserName, value);
                any = true;
            }
            else if (key.SequenceEqual("UID"u8))
            {
                doc.Set(Ecs.UserId, value);
            }
            else if (key.SequenceEqual("GID"u8))
            {
                doc.Set(Ecs.GroupId, value);
            }
            else if (key.SequenceEqual("home"u8))
            {
                doc.Set(SyslogFields.UseraddHome, value);
            }
            else if (key.SequenceEqual("shell"u8))
            {
                doc.Set(SyslogFields.UseraddShell, value);
            }
        }

        return any;
    }

    private static bool QuotedUser(ReadOnlySpan<byte> m, ReadOnlySpan<byte> marker, EcsDocument doc)
    {
        var at = m.IndexOf(marker);
        if (at < 0)
        {
            return false;
        }

        var rest = m[(at + marker.Length)..];
        var q = rest.IndexOf((byte)'\'');
        if (q <= 0)
        {
            return false;
        }

        doc.Set(Ecs.UserName, Str(rest[..q]));
        return true;
    }

    private static bool QuotedGroup(ReadOnlySpan<byte> rest, EcsDocument doc)
    {
        var q = rest.IndexOf((byte)'\'');
        if (q <= 0)
        {
            return false;
        }

        doc.Set(Ecs.GroupName, Str(rest[..q]));
        return true;
    }

    // "user alice added by root to group docker" / "user alice removed by root from group docker"
    private static bool Gpasswd(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        if (!m.StartsWith("user "u8))
        {
            return false;
        }

        var rest = m[5..];
        var target = Word(rest);
        rest = rest[Math.Min(rest.Length, target.Length + 1)..];
        var action = Word(rest);
        rest = rest[Math.Min(rest.Length, action.Length + 1)..];
        if (!rest.StartsWith("by "u8))
        {
            return false;
        }

        rest = rest[3..];
        var actor = Word(rest);
        var group = rest.IndexOf(" group "u8);
        if (group < 0)
        {
            return false;
        }

        doc.Set(Ecs.UserTargetName, Str(target));
        doc.Set(Ecs.UserName, Str(actor));
        doc.Set(Ecs.GroupName, Str(TrimWhite(rest[(group + 7)..])));
        doc.Add(Ecs.EventCategory, "iam");
        doc.Add(Ecs.EventType, "change");
        doc.Set(Ecs.EventOutcome, "success");
        if (action.SequenceEqual("added"u8))
        {
            doc.Set(Ecs.EventAction, "group-user-added");
        }
        else if (action.SequenceEqual("removed"u8))
        {
            doc.Set(Ecs.EventAction, "group-user-removed");
        }

        return true;
    }

    // ---------------------------------------------------------------- PAM

    public static void Pam(ReadOnlySpan<byte> m, EcsDocument doc)
    {
        if (m.IsEmpty)
        {
            return;
        }

        var faillock = m.IndexOf("pam_faillock("u8) >= 0;
        var chkpwd = m.IndexOf("password check failed"u8) >= 0;
        var authFailure = m.IndexOf("authentication failure"u8) >= 0;
        ReadOnlySpan<byte> category = default;
        if (m.StartsWith("pam_unix("u8))
        {
            var close = m.IndexOf((byte)')');
            var inner = close > 9 ? m[9..close] : default;
            var colon = inner.LastIndexOf((byte)':');
            if (colon >= 0)
            {
                category = inner[(colon + 1)..];
            }
        }

        ReadOnlySpan<byte> forUser = default, forUid = default, byUser = default, byUid = default, quotedUser = default, pamUser = default, rhost = default;
        if (!faillock && !chkpwd)
        {
            PamUsers(m, ref forUser, ref forUid, ref byUser, ref byUid, ref quotedUser);
        }
        else
        {
            var at = m.IndexOf("for user "u8);
            if (at >= 0)
            {
                var rest = m[(at + 9)..];
                if (!rest.IsEmpty && rest[0] == (byte)'(')
                {
                    rest = rest[1..];
                }

                pamUser = UserToken(rest);
            }
        }

        var rhostAt = m.IndexOf("rhost="u8);
        if (rhostAt >= 0 && (rhostAt == 0 || m[rhostAt - 1] == (byte)' '))
        {
            var rest = m[(rhostAt + 6)..];
            var host = HostToken(rest);
            var tail = rest[host.Length..].TrimStart((byte)' ');
            if (tail.IsEmpty || tail.StartsWith("user="u8))
            {
                rhost = host;
                if (!tail.IsEmpty && pamUser.IsEmpty)
                {
                    pamUser = TrimWhite(tail[5..]);
                }
            }
        }

        var changed = m.IndexOf("password changed for "u8);
        if (changed >= 0 && pamUser.IsEmpty)
        {
            pamUser = UserToken(m[(changed + 21)..]);
        }

        var chauthtok = category.SequenceEqual("chauthtok"u8);
        if (chauthtok)
        {
            doc.Add(Ecs.EventCategory, "iam");
            doc.Add(Ecs.EventType, "change");
            doc.Set(Ecs.EventOutcome, m.IndexOf("password changed"u8) >= 0 ? "success" : "failure");
            doc.Set(Ecs.EventAction, "password-changed");
        }

        if (category.SequenceEqual("session"u8))
        {
            doc.Add(Ecs.EventCategory, "session");
        }
        else if (category.SequenceEqual("auth"u8))
        {
            doc.Add(Ecs.EventCategory, "authentication");
            if (!authFailure)
            {
                doc.Set(Ecs.EventOutcome, "success");
            }
        }

        if (authFailure)
        {
            doc.Set(Ecs.EventOutcome, "failure");
            doc.Add(Ecs.EventCategory, "authentication");
            doc.Set(Ecs.EventAction, "authentication_failure");
            doc.Add(Ecs.EventType, "info");
        }

        if (faillock)
        {
            doc.Add(Ecs.EventCategory, "authentication");
            doc.Set(Ecs.EventOutcome, "failure");
            doc.Set(Ecs.EventAction, "account-locked");
            doc.Add(Ecs.EventType, "info");
        }

        if (chkpwd)
        {
            doc.Add(Ecs.EventCategory, "authentication");
            doc.Set(Ecs.EventOutcome, "failure");
            doc.Add(Ecs.EventType, "info");
            doc.Set(Ecs.EventAction, "authentication_failure");
        }

        if (m.IndexOf("session opened"u8) >= 0)
        {
            doc.Set(Ecs.EventAction, "logged-on");
        }
        else if (m.IndexOf("session closed"u8) >= 0)
        {
            doc.Set(Ecs.EventAction, "logged-off");
        }

        // "session opened for user root(uid=0) by alice(uid=1000)": alice acts, root is the effective user.
        // Elastic copies the "by" uid even when the "by" name is empty; here each uid stays with its own name.
        if (!byUser.IsEmpty && !doc.Has(Ecs.UserName))
        {
            doc.Set(Ecs.UserName, Str(byUser));
            doc.Set(Ecs.UserId, Str(byUid));
        }

        if (!forUser.IsEmpty)
        {
            if (doc.Has(Ecs.UserName))
            {
                doc.Set(Ecs.UserEffectiveName, Str(forUser));
                doc.Set(Ecs.UserEffectiveId, Str(forUid));
            }
            else
            {
                doc.Set(Ecs.UserName, Str(forUser));
                doc.Set(Ecs.UserId, Str(forUid));
            }
        }

        if (!quotedUser.IsEmpty && !doc.Has(Ecs.UserName))
        {
            doc.Set(Ecs.UserName, Str(quotedUser));
        }

        if (!rhost.IsEmpty && !doc.Has(Ecs.SourceAddress))
        {
            SetSource(rhost, doc);
        }

        if (!pamUser.IsEmpty && !doc.Has(Ecs.UserName))
        {
            doc.Set(Ecs.UserName, Str(pamUser));
        }

        if (chauthtok && doc.GetString(Ecs.UserName) is { } target)
        {
            doc.Set(Ecs.UserTargetName, target);
        }
    }

    // Elastic's grok-pam-users patterns, first match wins.
    private static void PamUsers(ReadOnlySpan<byte> m, ref ReadOnlySpan<byte> forUser, ref ReadOnlySpan<byte> forUid, ref ReadOnlySpan<byte> byUser, ref ReadOnlySpan<byte> byUid, ref ReadOnlySpan<byte> quotedUser)
    {
        var forAt = m.IndexOf("for user "u8);
        if (forAt >= 0)
        {
            var rest = m[(forAt + 9)..];
            var by = rest.IndexOf(" by "u8);
            if (by >= 0)
            {
                forUser = Unquote(StripUid(Unquote(rest[..by]), out forUid));
                byUser = Unquote(StripUid(rest[(by + 4)..], out byUid));
                return;
            }

            if (rest.IndexOf((byte)' ') < 0)
            {
                forUser = Unquote(StripUid(Unquote(rest), out forUid));
                return;
            }
        }

        var byAt = m.IndexOf("by user "u8);
        if (byAt >= 0 && m[(byAt + 8)..].IndexOf((byte)' ') < 0)
        {
            byUser = Unquote(m[(byAt + 8)..]);
            return;
        }

        var q = m.IndexOf(" user '"u8);
        if (q < 0)
        {
            q = m.IndexOf(" user \""u8);
        }

        if (q > 0 && m[q - 1] != (byte)' ')
        {
            var rest = m[(q + 7)..];
            var end = rest.IndexOf(m[q + 6]);
            if (end > 0)
            {
                quotedUser = rest[..end];
            }
        }
    }

    // "root(uid=0)" → "root" (uid "0"); "(uid=0)" → "" (uid "0").
    private static ReadOnlySpan<byte> StripUid(ReadOnlySpan<byte> s, out ReadOnlySpan<byte> uid)
    {
        uid = default;
        var open = s.LastIndexOf("(uid="u8);
        if (open >= 0 && s[^1] == (byte)')')
        {
            uid = s[(open + 5)..^1];
            return s[..open];
        }

        return s;
    }

    private static ReadOnlySpan<byte> UserToken(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length && s[i] is not ((byte)' ' or (byte)')' or (byte)'(' or (byte)',' or (byte)';' or (byte)'\'' or (byte)'"'))
        {
            i++;
        }

        return s[..i];
    }
}

using Logfold.Processing.Model;

namespace Logfold.Processing.Parse.LinuxSyslog;

/// <summary>
/// Maps the message part of a syslog line (after the header) by program: sshd, sudo, su, cron, user and group
/// management, PAM, systemd-logind, and netfilter/UFW kernel lines. Follows Elastic's <c>system.auth</c>
/// pipeline where it has a rule, and fills <c>related.*</c> at the end.
/// </summary>
internal static class MessageMapper
{
    public static void Map(ReadOnlySpan<byte> program, ReadOnlySpan<byte> message, EcsDocument doc)
    {
        // rsyslog's "message repeated 3 times: [ Failed password for ...]" wraps the real message.
        if (message.StartsWith("message repeated "u8))
        {
            var open = message.IndexOf(": [ "u8);
            if (open > 0 && message[^1] == (byte)']')
            {
                message = Utf8Text.TrimWhite(message[(open + 4)..^1]);
            }
        }

        var matched = false;
        if (program.StartsWith("sshd"u8))
        {
            matched = AuthMessages.Ssh(message, doc);
        }
        else if (program.SequenceEqual("sudo"u8))
        {
            matched = AuthMessages.Sudo(message, doc);
        }
        else if (program.SequenceEqual("kernel"u8))
        {
            matched = FirewallMessages.TryMap(message, doc);
        }
        else if (program.SequenceEqual("su"u8))
        {
            matched = AuthMessages.Su(message, doc);
        }
        else if (program.SequenceEqual("CRON"u8) || program.SequenceEqual("cron"u8) || program.SequenceEqual("crond"u8))
        {
            matched = AuthMessages.Cron(message, doc);
        }
        else if (program.SequenceEqual("systemd-logind"u8))
        {
            matched = AuthMessages.Logind(message, doc);
        }

        if (!matched)
        {
            matched = AuthMessages.UserGroup(program, message, doc);
        }

        if (!matched)
        {
            AuthMessages.Pam(message, doc);
        }

        var name = IamProgram(program);
        if (name is not null)
        {
            doc.Add(Ecs.EventCategory, "iam");
            doc.Set(Ecs.EventOutcome, message.IndexOf("fail"u8) >= 0 ? "failure" : "success");
            doc.Add(Ecs.EventType, name.StartsWith("user", StringComparison.Ordinal) ? "user" : "group");
            doc.Add(Ecs.EventType, name.EndsWith("add", StringComparison.Ordinal) ? "creation" : name.EndsWith("del", StringComparison.Ordinal) ? "deletion" : "change");
        }

        Related(doc);
    }

    // Elastic's system.auth list of user and group management programs.
    private static string? IamProgram(ReadOnlySpan<byte> program) =>
        program.SequenceEqual("groupadd"u8) ? "groupadd" :
        program.SequenceEqual("groupdel"u8) ? "groupdel" :
        program.SequenceEqual("groupmod"u8) ? "groupmod" :
        program.SequenceEqual("useradd"u8) ? "useradd" :
        program.SequenceEqual("userdel"u8) ? "userdel" :
        program.SequenceEqual("usermod"u8) ? "usermod" : null;

    private static void Related(EcsDocument doc)
    {
        doc.Add(Ecs.RelatedUser, doc.GetString(Ecs.UserName));
        doc.Add(Ecs.RelatedUser, doc.GetString(Ecs.UserEffectiveName));
        doc.Add(Ecs.RelatedUser, doc.GetString(Ecs.UserTargetName));
        doc.Add(Ecs.RelatedIp, doc.GetString(Ecs.SourceIp));
        doc.Add(Ecs.RelatedIp, doc.GetString(Ecs.DestinationIp));
    }
}

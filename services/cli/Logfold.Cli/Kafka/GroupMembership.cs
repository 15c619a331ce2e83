using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Logfold.Cli.Kafka;

/// <summary>Checks that a consumer group has no active members before its offsets are changed.</summary>
internal static class GroupMembership
{
    /// <summary>
    /// Returns true when the group was described and is inactive; false when the cluster cannot describe groups
    /// (the broker still refuses a commit to a group with members, and the caller turns that into the same error).
    /// </summary>
    /// <exception cref="KafkaCommandException">The group has active members.</exception>
    public static bool EnsureInactive(IAdminClient admin, string group, TimeSpan timeout)
    {
        ConsumerGroupDescription description;
        try
        {
            var result = admin.DescribeConsumerGroupsAsync([group], new DescribeConsumerGroupsOptions { RequestTimeout = timeout })
                .GetAwaiter().GetResult();
            description = result.ConsumerGroupDescriptions[0];
        }
        catch (DescribeConsumerGroupsException ex) when (ex.Results.ConsumerGroupDescriptions.Count == 1)
        {
            description = ex.Results.ConsumerGroupDescriptions[0];
            if (description.Error.Code == ErrorCode.Local_UnsupportedFeature)
            {
                return false;
            }

            if (description.Error.Code != ErrorCode.GroupIdNotFound)
            {
                throw new KafkaCommandException($"Cannot describe group '{group}': {description.Error.Reason}");
            }
        }

        if (description.Members is { Count: > 0 } members)
        {
            throw ActiveMembers(group, $"{members.Count} active member(s), state {description.State}");
        }

        return true;
    }

    /// <summary>True when a commit failed because the group is in use by running consumers.</summary>
    public static bool IsActiveGroupError(ErrorCode code) =>
        code is ErrorCode.UnknownMemberId or ErrorCode.IllegalGeneration or ErrorCode.RebalanceInProgress or ErrorCode.FencedInstanceId;

    public static KafkaCommandException ActiveMembers(string group, string detail) =>
        new($"Refusing: consumer group '{group}' has active members ({detail}). Stop its consumers (scale the stage to 0) and retry; nothing was changed.");
}

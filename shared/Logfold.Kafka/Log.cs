using Microsoft.Extensions.Logging;

namespace Logfold.Kafka;

/// <summary>The stage loop's log messages. Never payloads or secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Stage {Stage} starting: {Input} -> {Output} (DLQ {Dlq}), group {Group}, mode {Mode}, kafka {Kafka}")]
    public static partial void Starting(ILogger logger, string stage, string input, string output, string dlq, string group, DeliveryMode mode, string kafka);

    [LoggerMessage(1002, LogLevel.Information, "Stage {Stage} assigned {Count} partition(s): {Partitions}")]
    public static partial void Assigned(ILogger logger, string stage, int count, string partitions);

    [LoggerMessage(1003, LogLevel.Information, "Stage {Stage} revoked {Count} partition(s); committing the open batch")]
    public static partial void Revoked(ILogger logger, string stage, int count);

    [LoggerMessage(1004, LogLevel.Warning, "Stage {Stage} lost {Count} partition(s); aborting the open batch")]
    public static partial void Lost(ILogger logger, string stage, int count);

    [LoggerMessage(1005, LogLevel.Warning, "Stage {Stage}: the transaction must be aborted ({Reason}); rewinding {Records} record(s) to the committed offsets")]
    public static partial void Aborting(ILogger logger, string stage, string reason, long records);

    [LoggerMessage(1006, LogLevel.Debug, "Stage {Stage}: producer queue full; backing off")]
    public static partial void QueueFull(ILogger logger, string stage);

    [LoggerMessage(1007, LogLevel.Warning, "Stage {Stage}: transient failure on {Topic}[{Partition}]@{Offset}, attempt {Attempt}; retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string stage, string topic, int partition, long offset, int attempt, long delayMs, Exception exception);

    [LoggerMessage(1008, LogLevel.Trace, "Stage {Stage}: {Topic}[{Partition}]@{Offset} dead-lettered ({Reason})")]
    public static partial void DeadLettered(ILogger logger, string stage, string topic, int partition, long offset, string reason);

    [LoggerMessage(1009, LogLevel.Critical, "Stage {Stage} stopped: {Message}")]
    public static partial void Fatal(ILogger logger, string stage, string message, Exception? exception);

    [LoggerMessage(1010, LogLevel.Information, "Stage {Stage} stopped cleanly after committing its last batch")]
    public static partial void Stopped(ILogger logger, string stage);

    [LoggerMessage(1011, LogLevel.Warning, "Stage {Stage}: Kafka client error {Code}: {Reason}")]
    public static partial void ClientError(ILogger logger, string stage, string code, string reason);

    [LoggerMessage(1012, LogLevel.Warning, "Stage {Stage}: {Count} delivery failure(s) in an at-least-once batch; rewinding to retry it")]
    public static partial void DeliveryFailed(ILogger logger, string stage, long count);

    [LoggerMessage(1013, LogLevel.Warning, "Stage {Stage}: retriable error while committing ({Reason}); retrying")]
    public static partial void CommitRetry(ILogger logger, string stage, string reason);

    [LoggerMessage(1014, LogLevel.Critical, "The stage stopped: {Message}. The host exits with code 1 so that it is restarted.")]
    public static partial void HostStopping(ILogger logger, string message, Exception exception);
}

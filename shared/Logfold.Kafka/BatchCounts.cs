namespace Logfold.Kafka;

/// <summary>What one batch did, counted while it runs and published when it commits.</summary>
internal sealed class BatchCounts
{
    public long Received { get; set; }

    public long Sent { get; set; }

    public long BytesSent { get; set; }

    public Dictionary<string, long> DeadLettered { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Filtered { get; } = new(StringComparer.Ordinal);

    public void Clear()
    {
        Received = 0;
        Sent = 0;
        BytesSent = 0;
        DeadLettered.Clear();
        Filtered.Clear();
    }

    public static void Bump(Dictionary<string, long> map, string reason) =>
        map[reason] = map.TryGetValue(reason, out var n) ? n + 1 : 1;
}

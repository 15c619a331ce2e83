namespace Logfold.LoadTest;

/// <summary>Everything one load run measured.</summary>
internal sealed class LoadResult
{
    public required string Cluster { get; init; }

    public required string Format { get; init; }

    public required string Mode { get; init; }

    public required IReadOnlyList<string> Enrichers { get; init; }

    public required IReadOnlyList<string> Stages { get; init; }

    public required bool Stub { get; init; }

    public required int Window { get; init; }

    public required int Rate { get; init; }

    public required int BatchRecords { get; init; }

    public required int BatchMs { get; init; }

    public required int Events { get; init; }

    public required long InputBytes { get; init; }

    public required double WallSeconds { get; init; }

    public required long Outputs { get; init; }

    public required long DeadLettered { get; init; }

    public required long Filtered { get; init; }

    public required long Duplicates { get; init; }

    /// <summary>Raw events the sender's producer reported as not delivered (they never reached the first topic).</summary>
    public required long SendFailures { get; init; }

    public required long Missing { get; init; }

    public required IReadOnlyList<long> MissingSample { get; init; }

    public required IReadOnlyDictionary<string, long> DlqReasons { get; init; }

    public required double[]? LatencyMs { get; init; }

    public required double ProcessCpuSeconds { get; init; }

    public required IReadOnlyDictionary<string, double> CpuByThreadGroup { get; init; }

    public required double GcPauseSeconds { get; init; }

    public required long AllocatedBytes { get; init; }

    public required IReadOnlyList<StageResult> StageResults { get; init; }

    public IReadOnlyList<StageCost> Probe { get; set; } = [];

    public string? Failure { get; init; }

    public double EventsPerSecond => WallSeconds > 0 ? Events / WallSeconds : 0;

    /// <summary>in = out + DLQ + filtered, with nothing lost or duplicated.</summary>
    public bool Reconciled => Failure is null && Missing == 0 && Duplicates == 0 && Events == Outputs + DeadLettered + Filtered;
}

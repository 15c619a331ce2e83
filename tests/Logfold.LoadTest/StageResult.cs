namespace Logfold.LoadTest;

/// <summary>What one stage did during the pipeline run.</summary>
internal sealed record StageResult(
    string Stage,
    long Received,
    long Sent,
    long DeadLettered,
    long Filtered,
    double LoopCpuSeconds,
    double ProcessSeconds,
    double ProcessCpuSeconds,
    double ActiveSeconds)
{
    /// <summary>Records per second of the loop thread's CPU: one core's worth of this stage, minus client background threads.</summary>
    public double PerLoopCoreRate => LoopCpuSeconds > 0 ? Received / LoopCpuSeconds : 0;

    /// <summary>Records per CPU second inside the stage's Process (decode, process, encode).</summary>
    public double ProcessRate => ProcessCpuSeconds > 0 ? Received / ProcessCpuSeconds : 0;

    /// <summary>Loop-thread CPU outside the stage: the Kafka client calls (consume, produce, transactions, commits).</summary>
    public double ClientCpuSeconds => LoopCpuSeconds - ProcessCpuSeconds;

    /// <summary>Records per wall-clock second while the stage was busy (bounded by the slowest stage).</summary>
    public double WallRate => ActiveSeconds > 0 ? Received / ActiveSeconds : 0;
}

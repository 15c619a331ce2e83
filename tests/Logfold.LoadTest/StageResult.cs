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
    double ActiveSeconds)
{
    /// <summary>Records per second of the loop thread's CPU: one core's worth of this stage, minus client background threads.</summary>
    public double PerLoopCoreRate => LoopCpuSeconds > 0 ? Received / LoopCpuSeconds : 0;

    /// <summary>Records per second of time inside the stage's Process (decode, process, encode).</summary>
    public double ProcessRate => ProcessSeconds > 0 ? Received / ProcessSeconds : 0;

    /// <summary>Records per wall-clock second while the stage was busy (bounded by the slowest stage).</summary>
    public double WallRate => ActiveSeconds > 0 ? Received / ActiveSeconds : 0;
}

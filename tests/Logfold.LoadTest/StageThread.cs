using Logfold.Kafka;

namespace Logfold.LoadTest;

/// <summary>A stage worker on its own named thread; measures that thread's CPU time.</summary>
internal sealed class StageThread : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public StageThread(string name, StageWorker worker, TracedStage? traced)
    {
        Name = name;
        Worker = worker;
        Traced = traced;
        _thread = new Thread(() =>
        {
            try
            {
                worker.Run(_stop.Token);
            }
            catch (Exception ex)
            {
                Failure = ex;
            }
            finally
            {
                CpuSeconds = ThreadCpu.CurrentThreadSeconds();
            }
        })
        { IsBackground = true, Name = "stage-" + name };
    }

    public string Name { get; }

    public StageWorker Worker { get; }

    public TracedStage? Traced { get; }

    public Exception? Failure { get; private set; }

    /// <summary>The loop thread's CPU seconds (set when it stops): consume, process, produce and commit calls.</summary>
    public double CpuSeconds { get; private set; } = -1;

    public bool IsRunning => _thread.IsAlive;

    public void Start() => _thread.Start();

    public void Stop()
    {
        _stop.Cancel();
        if (!_thread.Join(TimeSpan.FromSeconds(90)))
        {
            throw new TimeoutException($"Stage {Name} did not stop within 90 s.");
        }
    }

    public void Dispose()
    {
        if (_thread.IsAlive)
        {
            Stop();
        }

        _stop.Dispose();
    }
}

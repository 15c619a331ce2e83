namespace Logfold.Kafka.Tests.Support;

/// <summary>A stage worker running on its own thread.</summary>
internal sealed class RunningStage : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public RunningStage(StageWorker worker)
    {
        Worker = worker;
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
        })
        { IsBackground = true, Name = "stage-test" };
        _thread.Start();
    }

    public StageWorker Worker { get; }

    public Exception? Failure { get; private set; }

    /// <summary>Waits for the worker to stop on its own (after a fatal error); false on timeout.</summary>
    public bool WaitForExit(TimeSpan timeout) => _thread.Join(timeout);

    /// <summary>Asks the worker to finish its batch, commit and close; waits for it.</summary>
    public void Stop()
    {
        _stop.Cancel();
        if (!_thread.Join(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("The stage worker did not stop within 60 s.");
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

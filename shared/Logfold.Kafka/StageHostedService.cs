using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Logfold.Kafka;

/// <summary>
/// Runs a <see cref="StageWorker"/> on its own thread for the host's lifetime. On SIGTERM the worker finishes its
/// batch, commits and closes; on a fatal error the host stops with exit code 1 so the orchestrator restarts it.
/// </summary>
internal sealed class StageHostedService(StageWorker worker, IHostApplicationLifetime lifetime, ILogger<StageHostedService> logger) : BackgroundService
{
    public StageStatus Status => worker.Status;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => RunWorker(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void RunWorker(CancellationToken stoppingToken)
    {
        try
        {
            worker.Run(stoppingToken);
        }
        catch (StageFatalException ex)
        {
            Environment.ExitCode = 1;
            Log.HostStopping(logger, ex.Message, ex);
            lifetime.StopApplication();
        }
        catch (Exception ex)
        {
            Environment.ExitCode = 1;
            Log.HostStopping(logger, "unexpected " + ex.GetType().Name, ex);
            lifetime.StopApplication();
        }
    }
}

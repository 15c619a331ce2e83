using Logfold.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Logfold.Kafka.Tests.Support;

/// <summary>Starts a service host in-process on a free port with command-line overrides, and talks to its endpoints.</summary>
internal sealed class StageHostRunner : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private StageHostRunner(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static string[] Args(string bootstrap, string input, string output, string dlq, params string[] extra) =>
    [
        "--urls=http://127.0.0.1:0",
        "--Logging:LogLevel:Default=Warning",
        "--Logfold:Kafka:BootstrapServers=" + bootstrap,
        "--Logfold:Kafka:Settings:allow.auto.create.topics=true",
        "--Logfold:Kafka:Settings:session.timeout.ms=6000",
        "--Logfold:Kafka:Settings:heartbeat.interval.ms=500",
        "--Logfold:Stage:InputTopic=" + input,
        "--Logfold:Stage:OutputTopic=" + output,
        "--Logfold:Stage:DeadLetterTopic=" + dlq,
        "--Logfold:Stage:GroupId=" + KafkaTestKit.Unique("group"),
        "--Logfold:Stage:InstanceId=test-0",
        "--Logfold:Stage:BatchMaxMs=50",
        // librdkafka's mock cluster does not store offsets sent with SendOffsetsToTransaction.
        "--Logfold:Stage:CommitOffsetsThroughConsumer=true",
        .. extra,
    ];

    public static string ServiceRoot(string stage) => Path.Combine(RepoPaths.Root, "services", stage, "Logfold." + char.ToUpperInvariant(stage[0]) + stage[1..]);

    public static async Task<StageHostRunner> StartAsync(WebApplication app)
    {
        var runner = new StageHostRunner(app);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        runner.BaseAddress = new Uri(addresses.First());
        return runner;
    }

    public async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(BaseAddress, path));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < timeout)
        {
            if ((await GetAsync("/ready")).Status == 200)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become ready: " + (await GetAsync("/ready")).Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}

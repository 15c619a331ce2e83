using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Logfold.Processing.Enrich;
using Logfold.Testing.Enricher;
using Logfold.Testing.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Logfold.Enricher.Tests.Support;

/// <summary>
/// The real enricher host (<see cref="EnricherHost.Build"/>) running in-process against a test cluster, on a
/// loopback port, with its own topics and a generated enrichment data directory.
/// </summary>
internal sealed class RunningEnricher : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningEnricher(WebApplication app, EnrichmentDataSet data, string input, string output, string dlq, HttpClient http)
    {
        _app = app;
        Data = data;
        InputTopic = input;
        OutputTopic = output;
        DeadLetterTopic = dlq;
        Http = http;
    }

    public EnrichmentDataSet Data { get; }

    public string InputTopic { get; }

    public string OutputTopic { get; }

    public string DeadLetterTopic { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<RunningEnricher> StartAsync(
        KafkaTestCluster cluster,
        string dataDirectory,
        Action<IServiceCollection>? services = null,
        Func<EnrichmentDataSet, IEnumerable<EnricherOptions>>? chain = null,
        EnricherRegistry? registry = null,
        IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var data = EnrichmentDataSet.Write(dataDirectory, registry);
        var input = TopicIo.Unique("normalized");
        var output = TopicIo.Unique("enriched");
        var dlq = TopicIo.Unique("dlq");
        TopicIo.Touch(cluster, input, output, dlq);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Logfold:Kafka:BootstrapServers"] = cluster.BootstrapServers,
            ["Logfold:Kafka:Settings:allow.auto.create.topics"] = "true",
            ["Logfold:Stage:InputTopic"] = input,
            ["Logfold:Stage:OutputTopic"] = output,
            ["Logfold:Stage:DeadLetterTopic"] = dlq,
            ["Logfold:Stage:GroupId"] = TopicIo.Unique("enricher"),
            ["Logfold:Stage:InstanceId"] = "enricher-test-0",
            ["Logfold:Stage:BatchMaxRecords"] = "200",
            ["Logfold:Stage:BatchMaxMs"] = "50",
            // librdkafka's mock cluster does not store offsets sent with SendOffsetsToTransaction.
            ["Logfold:Stage:CommitOffsetsThroughConsumer"] = "true",
        };
        var dataForConfig = chain is null ? data : data.WithChain(chain(data));
        foreach (var (k, v) in dataForConfig.ToConfiguration())
        {
            settings[k] = v;
        }

        foreach (var (k, v) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        // The content root is the data directory, which holds no appsettings.yaml: only these settings apply.
        var app = EnricherHost.Build(
            ["--urls", "http://127.0.0.1:0"],
            dataDirectory,
            c => c.AddInMemoryCollection(settings),
            s =>
            {
                if (registry is not null)
                {
                    s.AddSingleton(registry);
                }

                services?.Invoke(s);
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        return new RunningEnricher(app, data, input, output, dlq, http);
    }

    /// <summary>Waits until <c>/ready</c> answers 200 (the consumer holds a partition); false on timeout.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        var time = TimeProvider.System;
        var start = time.GetTimestamp();
        while (time.GetElapsedTime(start) < timeout)
        {
            using var response = await Http.GetAsync(new Uri("/ready", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time);
        }

        return false;
    }

    /// <summary>Polls <c>GET /admin/sources</c> until the source whose path ends with <paramref name="fileName"/> reaches <paramref name="version"/>.</summary>
    public async Task<JsonObject?> WaitForVersionAsync(string fileName, long version, TimeSpan timeout)
    {
        var time = TimeProvider.System;
        var start = time.GetTimestamp();
        while (time.GetElapsedTime(start) < timeout)
        {
            var doc = await Http.GetFromJsonAsync<JsonObject>(new Uri("/admin/sources", UriKind.Relative));
            foreach (var source in doc!["sources"]!.AsArray())
            {
                if (((string?)source!["path"])!.EndsWith(fileName, StringComparison.Ordinal) && (long)source["version"]! >= version)
                {
                    return source.AsObject();
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), time);
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using System.Globalization;
using Logfold.Kafka;

namespace Logfold.LoadTest;

/// <summary>The load tool's command line.</summary>
internal sealed class LoadArgs
{
    public const string Usage = """
        logfold load test: drives the Kafka stage pipeline in-process and reports throughput, latency, CPU and reconciliation.

        Options:
          --events N               events to send (default 200000; the mixed workload from gen_workload.py)
          --input FILE             read events (one per line) from FILE instead of generating them
          --generator PATH         the workload generator script (default: shared/bench/gen_workload.py above the repo)
          --bootstrap-server HOST  a Kafka cluster (default: start librdkafka's mock cluster in-process)
          --format json|avro       record format between stages (default json; avro needs --registry-url or starts the test registry)
          --registry-url URL       a Schema Registry for --format avro
          --mode eos|alo           exactly-once transactions (default) or at-least-once
          --stages LIST            detector,normalizer[,enricher] (default detector,normalizer); the enricher runs every
                                   local enricher over generated data (GeoIP, ASN, cloud ranges, IOCs, MITRE...)
          --window N               most events in flight (sent but not yet read at the end) (default 4000; 0 = unlimited)
          --rate N                 send at most N events/s (default 0 = as fast as the window allows)
          --batch-records N        stage batch size in records (default 2000)
          --batch-ms N             stage batch time in ms (default 200)
          --partitions N           partitions per topic, created up front on a real cluster (default: broker default)
          --probe-only             skip Kafka: only measure each stage's CPU cost (and its serdes share) in-process
          --stub                   replace every stage's processing with a byte-for-byte passthrough (runtime cost only)
          --timeout-seconds N      give up waiting for outputs after N s without progress (default 60)
          --json FILE              also write the report as JSON
        """;

    public int Events { get; private set; } = 200_000;

    public string? Input { get; private set; }

    public string? Generator { get; private set; }

    public string? BootstrapServers { get; private set; }

    public string Format { get; private set; } = "json";

    public string? RegistryUrl { get; private set; }

    public DeliveryMode Mode { get; private set; } = DeliveryMode.ExactlyOnce;

    public IReadOnlyList<string> Stages { get; private set; } = ["detector", "normalizer"];

    public int Window { get; private set; } = 4000;

    public int Rate { get; private set; }

    public int BatchRecords { get; private set; } = 2000;

    public int BatchMs { get; private set; } = 200;

    public int Partitions { get; private set; }

    public bool Stub { get; private set; }

    public bool ProbeOnly { get; private set; }

    public int TimeoutSeconds { get; private set; } = 60;

    public string? JsonReport { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a clear message.</summary>
    public static LoadArgs Parse(IReadOnlyList<string> args)
    {
        var a = new LoadArgs();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "-h" or "--help":
                    a.Help = true;
                    break;
                case "--events":
                    a.Events = Int(name, Next(args, ref i), 1, 100_000_000);
                    break;
                case "--input":
                    a.Input = Next(args, ref i);
                    break;
                case "--generator":
                    a.Generator = Next(args, ref i);
                    break;
                case "--bootstrap-server":
                    a.BootstrapServers = Next(args, ref i);
                    break;
                case "--format":
                    a.Format = Next(args, ref i) switch
                    {
                        "json" => "json",
                        "avro" => "avro",
                        var other => throw new ArgumentException($"--format must be json or avro, not '{other}'."),
                    };
                    break;
                case "--registry-url":
                    a.RegistryUrl = Next(args, ref i);
                    break;
                case "--mode":
                    a.Mode = Next(args, ref i) switch
                    {
                        "eos" => DeliveryMode.ExactlyOnce,
                        "alo" => DeliveryMode.AtLeastOnce,
                        var other => throw new ArgumentException($"--mode must be eos or alo, not '{other}'."),
                    };
                    break;
                case "--stages":
                    a.Stages = ParseStages(Next(args, ref i));
                    break;
                case "--window":
                    a.Window = Int(name, Next(args, ref i), 0, 10_000_000);
                    break;
                case "--rate":
                    a.Rate = Int(name, Next(args, ref i), 0, 10_000_000);
                    break;
                case "--batch-records":
                    a.BatchRecords = Int(name, Next(args, ref i), 1, 1_000_000);
                    break;
                case "--batch-ms":
                    a.BatchMs = Int(name, Next(args, ref i), 1, 60_000);
                    break;
                case "--partitions":
                    a.Partitions = Int(name, Next(args, ref i), 1, 1000);
                    break;
                case "--stub":
                    a.Stub = true;
                    break;
                case "--probe-only":
                    a.ProbeOnly = true;
                    break;
                case "--timeout-seconds":
                    a.TimeoutSeconds = Int(name, Next(args, ref i), 1, 86_400);
                    break;
                case "--json":
                    a.JsonReport = Next(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'. Use --help.");
            }
        }

        return a;
    }

    private static List<string> ParseStages(string value)
    {
        string[] order = ["detector", "normalizer", "enricher"];
        var stages = new List<string>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Array.IndexOf(order, part) < 0)
            {
                throw new ArgumentException($"--stages: unknown stage '{part}' (detector, normalizer, enricher).");
            }

            stages.Add(part);
        }

        // The stages must be a prefix of the pipeline, in order: each one reads what the previous one writes.
        for (var i = 0; i < stages.Count; i++)
        {
            if (!string.Equals(stages[i], order[i], StringComparison.Ordinal))
            {
                throw new ArgumentException("--stages must be detector,normalizer or detector,normalizer,enricher (or just detector), in pipeline order.");
            }
        }

        if (stages.Count == 0)
        {
            throw new ArgumentException("--stages is empty.");
        }

        return stages;
    }

    private static string Next(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{args[i]} needs a value.");
        }

        return args[++i];
    }

    private static int Int(string name, string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            throw new ArgumentException($"{name} must be an integer from {min} to {max}, not '{value}'.");
        }

        return n;
    }
}

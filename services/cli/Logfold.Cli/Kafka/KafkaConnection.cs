using System.Collections;
using System.Globalization;
using Confluent.Kafka;

namespace Logfold.Cli.Kafka;

/// <summary>
/// How the operating commands reach Kafka. librdkafka properties come from, lowest precedence first:
/// environment variables <c>LOGFOLD_KAFKA_&lt;PROPERTY&gt;</c> (upper case, <c>_</c> for <c>.</c>, <c>__</c> for
/// <c>_</c>: <c>LOGFOLD_KAFKA_SASL_PASSWORD</c> is <c>sasl.password</c>), the <c>--command-config FILE</c>
/// properties file, and <c>--bootstrap-server</c>. Values are never printed, so secrets stay out of the output.
/// </summary>
internal sealed class KafkaConnection
{
    public const string EnvironmentPrefix = "LOGFOLD_KAFKA_";

    public static readonly string[] ValueOptions = ["--bootstrap-server", "--command-config", "--timeout"];

    private const string BootstrapKey = "bootstrap.servers";

    private readonly Dictionary<string, string> _properties;

    private KafkaConnection(Dictionary<string, string> properties, TimeSpan timeout)
    {
        _properties = properties;
        Timeout = timeout;
    }

    /// <summary>The bootstrap address list (not a secret; printed in reports).</summary>
    public string BootstrapServers => _properties[BootstrapKey];

    /// <summary>How long one broker operation may take (<c>--timeout SECONDS</c>, default 30).</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The properties in effect, for tests.</summary>
    public IReadOnlyDictionary<string, string> Properties => _properties;

    public static KafkaConnection From(CliArgs args, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var properties = FromEnvironment(environment);
        if (args.Get("--command-config") is { } file)
        {
            foreach (var (key, value) in CommandConfigFile.Load(file))
            {
                properties[key] = value;
            }
        }

        if (args.Get("--bootstrap-server") is { } bootstrap)
        {
            properties[BootstrapKey] = bootstrap;
        }

        if (!properties.TryGetValue(BootstrapKey, out var servers) || string.IsNullOrWhiteSpace(servers))
        {
            throw new CliUsageException(
                $"No Kafka address: pass --bootstrap-server HOST:PORT, set bootstrap.servers in --command-config, or set {EnvironmentPrefix}BOOTSTRAP_SERVERS.");
        }

        var timeout = TimeSpan.FromSeconds(30);
        if (args.Get("--timeout") is { } seconds)
        {
            if (!int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s is < 1 or > 3600)
            {
                throw new CliUsageException("--timeout must be a whole number of seconds from 1 to 3600.");
            }

            timeout = TimeSpan.FromSeconds(s);
        }

        return new KafkaConnection(properties, timeout);
    }

    /// <summary>Maps <c>LOGFOLD_KAFKA_SSL_CA_LOCATION</c> to <c>ssl.ca.location</c> (and <c>__</c> to <c>_</c>).</summary>
    public static Dictionary<string, string> FromEnvironment(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string name && entry.Value is string value
                && name.Length > EnvironmentPrefix.Length
                && name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
            {
                var key = name[EnvironmentPrefix.Length..]
                    .Replace("__", "\u0001", StringComparison.Ordinal)
                    .Replace('_', '.')
                    .Replace('\u0001', '_')
                    .ToLowerInvariant();
                properties[key] = value;
            }
        }

        return properties;
    }

    /// <summary>A consumer config for <paramref name="groupId"/> that never auto-commits and reads committed data only.</summary>
    public ConsumerConfig Consumer(string groupId)
    {
        var config = new ConsumerConfig(new Dictionary<string, string>(_properties, StringComparer.Ordinal))
        {
            GroupId = groupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            EnablePartitionEof = true,
            IsolationLevel = IsolationLevel.ReadCommitted,
            AutoOffsetReset = AutoOffsetReset.Error,
        };
        config.ClientId ??= "logfold-cli";
        return config;
    }

    /// <summary>An idempotent producer config (acks=all, no reordering on retry).</summary>
    public ProducerConfig Producer()
    {
        var config = new ProducerConfig(new Dictionary<string, string>(_properties, StringComparer.Ordinal))
        {
            EnableIdempotence = true,
            Acks = Acks.All,
        };
        config.ClientId ??= "logfold-cli";
        return config;
    }

    public AdminClientConfig Admin()
    {
        var config = new AdminClientConfig(new Dictionary<string, string>(_properties, StringComparer.Ordinal));
        config.ClientId ??= "logfold-cli";
        return config;
    }
}

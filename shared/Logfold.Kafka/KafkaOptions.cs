using System.ComponentModel.DataAnnotations;
using System.Text;
using Confluent.Kafka;

namespace Logfold.Kafka;

/// <summary>
/// Connection settings shared by every Kafka client of a service (config section <c>Logfold:Kafka</c>).
/// Secrets (<see cref="SaslPassword"/>, <see cref="SslKeyPassword"/>, and any pass-through setting whose name
/// mentions a password or secret) never appear in <see cref="ToString"/> or in logs.
/// </summary>
public sealed class KafkaOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Logfold:Kafka";

    // Settings the stage loop owns: overriding them would break its delivery guarantee.
    private static readonly string[] Reserved =
    [
        "enable.auto.commit", "enable.auto.offset.store", "isolation.level", "transactional.id", "enable.idempotence",
        "group.id", "partition.assignment.strategy", "bootstrap.servers",
    ];

    /// <summary>The bootstrap servers, such as <c>kafka-0:9092,kafka-1:9092</c>.</summary>
    [Required]
    public string BootstrapServers { get; set; } = "";

    /// <summary>The security protocol: Plaintext (default), Ssl, SaslPlaintext or SaslSsl.</summary>
    public SecurityProtocol SecurityProtocol { get; set; } = SecurityProtocol.Plaintext;

    /// <summary>The SASL mechanism (Plain, ScramSha256, ScramSha512, OAuthBearer, Gssapi), for SASL protocols.</summary>
    public SaslMechanism? SaslMechanism { get; set; }

    /// <summary>The SASL user name.</summary>
    public string? SaslUsername { get; set; }

    /// <summary>The SASL password (a secret: never logged).</summary>
    public string? SaslPassword { get; set; }

    /// <summary>The path of the CA certificate bundle (PEM) used to verify brokers.</summary>
    public string? SslCaLocation { get; set; }

    /// <summary>The path of the client certificate (PEM), for mutual TLS.</summary>
    public string? SslCertificateLocation { get; set; }

    /// <summary>The path of the client private key (PEM), for mutual TLS.</summary>
    public string? SslKeyLocation { get; set; }

    /// <summary>The client private key's password (a secret: never logged).</summary>
    public string? SslKeyPassword { get; set; }

    /// <summary>Extra librdkafka settings passed through unchanged (for example <c>socket.keepalive.enable</c>).</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Copies the connection settings into a client config.</summary>
    public void ApplyTo(ClientConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.BootstrapServers = BootstrapServers;
        foreach (var (key, value) in Settings)
        {
            config.Set(key, value);
        }

        if (SecurityProtocol != SecurityProtocol.Plaintext)
        {
            config.SecurityProtocol = SecurityProtocol;
        }

        if (SaslMechanism is { } mechanism)
        {
            config.SaslMechanism = mechanism;
        }

        if (SaslUsername is not null)
        {
            config.SaslUsername = SaslUsername;
        }

        if (SaslPassword is not null)
        {
            config.SaslPassword = SaslPassword;
        }

        if (SslCaLocation is not null)
        {
            config.SslCaLocation = SslCaLocation;
        }

        if (SslCertificateLocation is not null)
        {
            config.SslCertificateLocation = SslCertificateLocation;
        }

        if (SslKeyLocation is not null)
        {
            config.SslKeyLocation = SslKeyLocation;
        }

        if (SslKeyPassword is not null)
        {
            config.SslKeyPassword = SslKeyPassword;
        }
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            yield return new ValidationResult("Logfold:Kafka:BootstrapServers is required (host:port[,host:port...]).", [nameof(BootstrapServers)]);
        }

        var sasl = SecurityProtocol is SecurityProtocol.SaslPlaintext or SecurityProtocol.SaslSsl;
        if (sasl && SaslMechanism is null)
        {
            yield return new ValidationResult($"Logfold:Kafka:SaslMechanism is required when SecurityProtocol is {SecurityProtocol}.", [nameof(SaslMechanism)]);
        }

        if (sasl && SaslMechanism is Confluent.Kafka.SaslMechanism.Plain or Confluent.Kafka.SaslMechanism.ScramSha256 or Confluent.Kafka.SaslMechanism.ScramSha512
            && (string.IsNullOrEmpty(SaslUsername) || string.IsNullOrEmpty(SaslPassword)))
        {
            yield return new ValidationResult($"Logfold:Kafka:SaslUsername and SaslPassword are required for SASL {SaslMechanism}.", [nameof(SaslUsername), nameof(SaslPassword)]);
        }

        if (!sasl && (SaslMechanism is not null || SaslUsername is not null || SaslPassword is not null))
        {
            yield return new ValidationResult($"SASL settings are set but SecurityProtocol is {SecurityProtocol}; use SaslPlaintext or SaslSsl.", [nameof(SecurityProtocol)]);
        }

        foreach (var (name, path) in new[] { (nameof(SslCaLocation), SslCaLocation), (nameof(SslCertificateLocation), SslCertificateLocation), (nameof(SslKeyLocation), SslKeyLocation) })
        {
            if (path is not null && !File.Exists(path))
            {
                yield return new ValidationResult($"Logfold:Kafka:{name} '{path}' does not exist.", [name]);
            }
        }

        if ((SslCertificateLocation is null) != (SslKeyLocation is null))
        {
            yield return new ValidationResult("Logfold:Kafka:SslCertificateLocation and SslKeyLocation must be set together.", [nameof(SslCertificateLocation), nameof(SslKeyLocation)]);
        }

        foreach (var key in Settings.Keys)
        {
            if (Array.IndexOf(Reserved, key) >= 0)
            {
                yield return new ValidationResult($"Logfold:Kafka:Settings:{key} is managed by Logfold and cannot be overridden.", [nameof(Settings)]);
            }
        }
    }

    /// <summary>True for a setting name whose value must never be shown.</summary>
    public static bool IsSecret(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Contains("password", StringComparison.OrdinalIgnoreCase)
            || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || name.Contains("sasl.jaas", StringComparison.OrdinalIgnoreCase)
            || name.Contains("token", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".pem", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A description safe for logs: secrets are shown as <c>***</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("bootstrap=").Append(BootstrapServers).Append(" security=").Append(SecurityProtocol);
        if (SaslMechanism is not null)
        {
            sb.Append(" sasl=").Append(SaslMechanism).Append(" user=").Append(SaslUsername).Append(" password=").Append(SaslPassword is null ? "(none)" : "***");
        }

        foreach (var (key, value) in Settings)
        {
            sb.Append(' ').Append(key).Append('=').Append(IsSecret(key) ? "***" : value);
        }

        return sb.ToString();
    }
}

namespace Logfold.Serialization;

/// <summary>How to reach the Confluent-compatible Schema Registry (needed when any topic uses Avro).</summary>
public sealed class SchemaRegistryOptions
{
    /// <summary>The registry's base URL, such as <c>http://schema-registry:8081</c>. Credentials do not belong in it.</summary>
    public string? Url { get; set; }

    /// <summary>The HTTP basic-auth user name, when the registry needs one.</summary>
    public string? Username { get; set; }

    /// <summary>The HTTP basic-auth password (a secret: never logged; prefer an environment variable).</summary>
    public string? Password { get; set; }

    /// <summary>Register the schema under <c>&lt;topic&gt;-value</c> on first use (else it must exist already).</summary>
    public bool AutoRegisterSchemas { get; set; } = true;

    /// <summary>The timeout of one registry request, in milliseconds.</summary>
    public int RequestTimeoutMs { get; set; } = 30_000;

    /// <summary>A display form with the password masked.</summary>
    public override string ToString() =>
        $"Url={Url}, Username={Username}, Password={(string.IsNullOrEmpty(Password) ? "(none)" : "***")}, AutoRegisterSchemas={AutoRegisterSchemas}";
}

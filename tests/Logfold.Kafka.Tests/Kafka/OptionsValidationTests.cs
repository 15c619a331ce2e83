using System.ComponentModel.DataAnnotations;
using Confluent.Kafka;

namespace Logfold.Kafka.Tests.Kafka;

public sealed class OptionsValidationTests
{
    private static List<string> Errors(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.ConvertAll(r => r.ErrorMessage ?? "");
    }

    private static StageOptions ValidStage() => new() { InputTopic = "logs.raw", OutputTopic = "logs.detected", GroupId = "detector", InstanceId = "detector-0" };

    [Fact]
    public void KafkaOptions_Minimal_IsValid()
    {
        Assert.Empty(Errors(new KafkaOptions { BootstrapServers = "kafka:9092" }));
    }

    [Fact]
    public void KafkaOptions_MissingBootstrap_Fails()
    {
        Assert.Contains(Errors(new KafkaOptions()), e => e.Contains("BootstrapServers", StringComparison.Ordinal));
    }

    [Fact]
    public void KafkaOptions_SaslWithoutCredentials_Fails()
    {
        var errors = Errors(new KafkaOptions { BootstrapServers = "k:9092", SecurityProtocol = SecurityProtocol.SaslSsl, SaslMechanism = SaslMechanism.ScramSha512 });

        Assert.Contains(errors, e => e.Contains("SaslUsername and SaslPassword", StringComparison.Ordinal));
    }

    [Fact]
    public void KafkaOptions_SaslSettingsOnPlaintext_Fails()
    {
        var errors = Errors(new KafkaOptions { BootstrapServers = "k:9092", SaslUsername = "u", SaslPassword = "p" });

        Assert.Contains(errors, e => e.Contains("SASL settings are set", StringComparison.Ordinal));
    }

    [Fact]
    public void KafkaOptions_MissingCaFile_Fails()
    {
        var errors = Errors(new KafkaOptions { BootstrapServers = "k:9092", SecurityProtocol = SecurityProtocol.Ssl, SslCaLocation = "/nonexistent/ca.pem" });

        Assert.Contains(errors, e => e.Contains("/nonexistent/ca.pem", StringComparison.Ordinal));
    }

    [Fact]
    public void KafkaOptions_ReservedPassThroughSetting_Fails()
    {
        var options = new KafkaOptions { BootstrapServers = "k:9092" };
        options.Settings["enable.auto.commit"] = "true";

        Assert.Contains(Errors(options), e => e.Contains("enable.auto.commit", StringComparison.Ordinal));
    }

    [Fact]
    public void KafkaOptions_ToString_NeverShowsSecrets()
    {
        var options = new KafkaOptions
        {
            BootstrapServers = "k:9092",
            SecurityProtocol = SecurityProtocol.SaslSsl,
            SaslMechanism = SaslMechanism.Plain,
            SaslUsername = "svc",
            SaslPassword = "hunter2-secret",
            SslKeyPassword = "keypass-secret",
        };
        options.Settings["sasl.oauthbearer.client.secret"] = "oauth-secret";
        options.Settings["socket.keepalive.enable"] = "true";

        var text = options.ToString();

        Assert.DoesNotContain("secret", text.Replace("client.secret", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains("svc", text, StringComparison.Ordinal);
        Assert.Contains("socket.keepalive.enable=true", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KafkaOptions_ApplyTo_CopiesConnectionSettings()
    {
        var options = new KafkaOptions { BootstrapServers = "k:9092", SecurityProtocol = SecurityProtocol.SaslSsl, SaslMechanism = SaslMechanism.Plain, SaslUsername = "u", SaslPassword = "p" };
        options.Settings["socket.keepalive.enable"] = "true";
        var config = new ConsumerConfig();

        options.ApplyTo(config);

        Assert.Equal("k:9092", config.BootstrapServers);
        Assert.Equal(SecurityProtocol.SaslSsl, config.SecurityProtocol);
        Assert.Equal("u", config.SaslUsername);
        Assert.Equal("true", config.Get("socket.keepalive.enable"));
    }

    [Fact]
    public void StageOptions_Valid_HasNoErrors()
    {
        Assert.Empty(Errors(ValidStage()));
    }

    [Fact]
    public void StageOptions_InputEqualsOutput_Fails()
    {
        var options = ValidStage();
        options.OutputTopic = options.InputTopic;

        Assert.Contains(Errors(options), e => e.Contains("must differ", StringComparison.Ordinal));
    }

    [Fact]
    public void StageOptions_RetriesLongerThanTransaction_Fails()
    {
        var options = ValidStage();
        options.MaxRetries = 10;
        options.RetryMaxBackoffMs = 10_000;

        Assert.Contains(Errors(options), e => e.Contains("TransactionTimeoutMs", StringComparison.Ordinal));
    }

    [Fact]
    public void StageOptions_ExactlyOnceWithoutInstanceId_Fails()
    {
        var options = ValidStage();
        options.InstanceId = "";

        Assert.Contains(Errors(options), e => e.Contains("InstanceId", StringComparison.Ordinal));
    }

    [Fact]
    public void StageOptions_BatchOutOfRange_Fails()
    {
        var options = ValidStage();
        options.BatchMaxRecords = 0;

        Assert.NotEmpty(Errors(options));
    }

    [Fact]
    public void StageOptions_TransactionalId_CombinesPrefixAndInstance()
    {
        var options = ValidStage();
        Assert.Equal("detector-detector-0", options.TransactionalId);
        options.TransactionalIdPrefix = "logfold-detector";
        Assert.Equal("logfold-detector-detector-0", options.TransactionalId);
    }
}

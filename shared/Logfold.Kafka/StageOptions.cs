using System.ComponentModel.DataAnnotations;
using Logfold.Contracts;

namespace Logfold.Kafka;

/// <summary>The stage loop's settings (config section <c>Logfold:Stage</c>).</summary>
public sealed class StageOptions : IValidatableObject
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Logfold:Stage";

    /// <summary>The topic the stage reads.</summary>
    [Required]
    public string InputTopic { get; set; } = "";

    /// <summary>The topic the stage writes.</summary>
    [Required]
    public string OutputTopic { get; set; } = "";

    /// <summary>The dead-letter topic.</summary>
    [Required]
    public string DeadLetterTopic { get; set; } = Topics.DeadLetter;

    /// <summary>The consumer group id (one group per stage).</summary>
    [Required]
    public string GroupId { get; set; } = "";

    /// <summary>The transactional id prefix; the producer's id is <c>{prefix}-{InstanceId}</c>.</summary>
    public string TransactionalIdPrefix { get; set; } = "";

    /// <summary>
    /// This instance's stable id (a StatefulSet pod name, for example). A restarted instance must reuse it so
    /// that its producer fences the old one. Defaults to the host name.
    /// </summary>
    public string InstanceId { get; set; } = Environment.MachineName;

    /// <summary>ExactlyOnce (default) or AtLeastOnce.</summary>
    public DeliveryMode DeliveryMode { get; set; } = DeliveryMode.ExactlyOnce;

    /// <summary>Commit after this many input records...</summary>
    [Range(1, 1_000_000)]
    public int BatchMaxRecords { get; set; } = 2000;

    /// <summary>...or this many milliseconds after the batch's first record, whichever comes first.</summary>
    [Range(1, 60_000)]
    public int BatchMaxMs { get; set; } = 200;

    /// <summary>How many times a Transient failure is retried before the record is dead-lettered.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; each further retry doubles it, up to <see cref="RetryMaxBackoffMs"/>, with ±20% jitter.</summary>
    [Range(1, 60_000)]
    public int RetryInitialBackoffMs { get; set; } = 100;

    /// <summary>The longest retry delay.</summary>
    [Range(1, 60_000)]
    public int RetryMaxBackoffMs { get; set; } = 5_000;

    /// <summary>The largest record the stage produces; a larger output is dead-lettered as <c>output_too_large</c>.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    /// <summary>The producer's transaction timeout.</summary>
    [Range(1_000, 900_000)]
    public int TransactionTimeoutMs { get; set; } = 60_000;

    /// <summary>
    /// Also commit each transaction's offsets through the consumer after the transaction commits. Harmless on
    /// real Kafka (the same offsets are written twice); needed only on librdkafka's mock cluster, which does not
    /// store offsets sent with SendOffsetsToTransaction. Off by default.
    /// </summary>
    public bool CommitOffsetsThroughConsumer { get; set; }

    /// <summary>The transactional id for this instance.</summary>
    public string TransactionalId => (string.IsNullOrEmpty(TransactionalIdPrefix) ? GroupId : TransactionalIdPrefix) + "-" + InstanceId;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DeliveryMode == DeliveryMode.ExactlyOnce && string.IsNullOrWhiteSpace(InstanceId))
        {
            yield return new ValidationResult("Logfold:Stage:InstanceId is required in ExactlyOnce mode (a stable id per instance).", [nameof(InstanceId)]);
        }

        if (string.Equals(InputTopic, OutputTopic, StringComparison.Ordinal) || string.Equals(InputTopic, DeadLetterTopic, StringComparison.Ordinal))
        {
            yield return new ValidationResult($"Logfold:Stage:InputTopic '{InputTopic}' must differ from OutputTopic and DeadLetterTopic.", [nameof(InputTopic)]);
        }

        if (RetryMaxBackoffMs < RetryInitialBackoffMs)
        {
            yield return new ValidationResult("Logfold:Stage:RetryMaxBackoffMs must be at least RetryInitialBackoffMs.", [nameof(RetryMaxBackoffMs)]);
        }

        // Retries happen inside an open transaction: they must end well before it times out.
        if ((long)(MaxRetries + 1) * RetryMaxBackoffMs >= TransactionTimeoutMs / 2)
        {
            yield return new ValidationResult($"Logfold:Stage: MaxRetries x RetryMaxBackoffMs ({(long)MaxRetries * RetryMaxBackoffMs} ms) must stay under half of TransactionTimeoutMs ({TransactionTimeoutMs}).", [nameof(MaxRetries)]);
        }
    }
}

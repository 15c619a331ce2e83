namespace Logfold.Kafka;

/// <summary>How a stage delivers its outputs.</summary>
public enum DeliveryMode
{
    /// <summary>Transactional consume → process → produce → commit; consumers read with <c>read_committed</c>.</summary>
    ExactlyOnce = 0,

    /// <summary>Idempotent producer; flush, then commit offsets. A crash may repeat a batch.</summary>
    AtLeastOnce = 1,
}

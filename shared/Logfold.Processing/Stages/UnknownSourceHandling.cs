namespace Logfold.Processing.Stages;

/// <summary>What the normalizer does with an event the detector marked <c>unknown</c>.</summary>
public enum UnknownSourceHandling
{
    /// <summary>Map it with the generic mapping (message and timestamp only). The default.</summary>
    Normalize = 0,

    /// <summary>Send it to the DLQ with reason <c>unknown_source</c>.</summary>
    DeadLetter = 1,

    /// <summary>Drop it, counted under <c>logfold.records.filtered{reason=unknown_source}</c>.</summary>
    Filter = 2,
}

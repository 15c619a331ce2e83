using System.Globalization;

namespace Logfold.Testing.Stages;

/// <summary>
/// The stage contract check: every input reached a verb, counts reconcile (in = out + DLQ + filtered), and,
/// when a <see cref="MetricRecorder"/> is given, the stage loop's counters agree with those counts.
/// </summary>
public static class StageCompliance
{
    /// <summary>
    /// Checks a <see cref="RecordingOutput"/>. With <paramref name="exactlyOne"/>, each input must have exactly
    /// one outcome (stages that never expand containers); otherwise at least one.
    /// </summary>
    public static void Check(RecordingOutput output, bool exactlyOne = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        var perInput = new int[output.Inputs];
        foreach (var o in output.Outcomes)
        {
            if (o.InputIndex < 0 || o.InputIndex >= perInput.Length)
            {
                throw new ComplianceException($"An outcome was recorded outside any input (index {o.InputIndex}).");
            }

            perInput[o.InputIndex]++;
        }

        for (var i = 0; i < perInput.Length; i++)
        {
            if (perInput[i] == 0)
            {
                throw new ComplianceException($"Input {i} reached no verb: it would be silently dropped.");
            }

            if (exactlyOne && perInput[i] != 1)
            {
                throw new ComplianceException($"Input {i} reached {perInput[i]} verbs; expected exactly one.");
            }
        }
    }

    /// <summary>
    /// Checks that in = out + DLQ + filtered, where <paramref name="expandedExtra"/> is how many extra outputs
    /// containers produced, and that the stage loop's counters (when given) agree.
    /// </summary>
    public static void Reconcile(long inputs, long emitted, long deadLettered, long filtered, long expandedExtra = 0, MetricRecorder? metrics = null)
    {
        if (inputs + expandedExtra != emitted + deadLettered + filtered)
        {
            throw new ComplianceException(string.Create(CultureInfo.InvariantCulture,
                $"Counts do not reconcile: in {inputs} (+{expandedExtra} expanded) != out {emitted} + DLQ {deadLettered} + filtered {filtered}."));
        }

        if (metrics is null)
        {
            return;
        }

        Expect(metrics, "logfold.records.received", inputs);
        Expect(metrics, "logfold.records.sent", emitted);
        Expect(metrics, "logfold.records.dead_lettered", deadLettered);
        Expect(metrics, "logfold.records.filtered", filtered);
    }

    private static void Expect(MetricRecorder metrics, string name, long expected)
    {
        var actual = metrics.Total(name);
        if (actual != expected)
        {
            throw new ComplianceException(string.Create(CultureInfo.InvariantCulture, $"Metric {name} is {actual}; the observed count is {expected}."));
        }
    }
}

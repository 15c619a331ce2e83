using Logfold.Processing.Stages;

namespace Logfold.Testing.Stages;

/// <summary>Runs a stage over inputs the way the stage loop does, minus Kafka: begin, process, discard on throw.</summary>
public static class StageHarness
{
    /// <summary>Processes each input; exceptions are collected (by input index) rather than thrown.</summary>
    public static RecordingOutput Run(IStageProcessor stage, IEnumerable<InputRecord> inputs, Dictionary<int, Exception>? thrown = null)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(inputs);
        var output = new RecordingOutput();
        foreach (var input in inputs)
        {
            output.BeginInput();
            try
            {
                stage.Process(input, output);
            }
            catch (Exception ex) when (thrown is not null)
            {
                output.DiscardCurrent();
                thrown[output.CurrentInput] = ex;
            }
        }

        return output;
    }

    /// <summary>A record on <paramref name="topic"/> with the given value and optional headers.</summary>
    public static InputRecord Input(byte[] value, byte[]? key = null, string topic = "test", long offset = 0, long timestampMs = 0, params (string Name, string Value)[] headers) =>
        new(key, value, headers.Length == 0 ? null : new TestHeaders(headers), topic, 0, offset, timestampMs);

    private sealed class TestHeaders((string Name, string Value)[] headers) : IRecordHeaders
    {
        public bool TryGetLast(string name, out ReadOnlyMemory<byte> value)
        {
            for (var i = headers.Length - 1; i >= 0; i--)
            {
                if (string.Equals(headers[i].Name, name, StringComparison.Ordinal))
                {
                    value = System.Text.Encoding.UTF8.GetBytes(headers[i].Value);
                    return true;
                }
            }

            value = default;
            return false;
        }
    }
}

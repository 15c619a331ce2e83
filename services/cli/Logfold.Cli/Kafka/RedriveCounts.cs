using System.Globalization;
using System.Text;

namespace Logfold.Cli.Kafka;

/// <summary>A redrive's counts: read, matched (= to send + skipped), sent and failed, with skip reasons.</summary>
internal sealed class RedriveCounts
{
    private readonly SortedDictionary<string, long> _skipped = new(StringComparer.Ordinal);

    public long Read { get; set; }

    public long Matched { get; set; }

    public long ToSend { get; set; }

    public long Sent { get; set; }

    public long Failed { get; set; }

    public long Skipped { get; private set; }

    public void Skip(string reason)
    {
        Skipped++;
        _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;
    }

    /// <summary><c>read R, matched M, sent S, skipped K (reason=n …), failed F</c>; "to send" instead of sent/failed in a dry run.</summary>
    public string Summary(bool sent)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"read {Read}, matched {Matched}, ");
        b.Append(sent
            ? string.Create(CultureInfo.InvariantCulture, $"sent {Sent}, ")
            : string.Create(CultureInfo.InvariantCulture, $"to send {ToSend}, "));
        b.Append(CultureInfo.InvariantCulture, $"skipped {Skipped}");
        if (_skipped.Count > 0)
        {
            b.Append(" (");
            var first = true;
            foreach (var (reason, n) in _skipped)
            {
                b.Append(first ? string.Empty : ", ").Append(CultureInfo.InvariantCulture, $"{reason} {n}");
                first = false;
            }

            b.Append(')');
        }

        if (sent)
        {
            b.Append(CultureInfo.InvariantCulture, $", failed {Failed}");
        }

        return b.ToString();
    }
}

namespace Logfold.Cli;

/// <summary>A small, strict parser for <c>--name value</c> options and <c>--flag</c> switches.</summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CliArgs()
    {
    }

    public static CliArgs Parse(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        var parsed = new CliArgs();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = a.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? a[..eq] : a;
            if (valueOptions.Contains(name))
            {
                if (eq > 0 && a.StartsWith("--", StringComparison.Ordinal))
                {
                    parsed._values[name] = a[(eq + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    parsed._values[name] = args[++i];
                }
                else
                {
                    throw new CliUsageException($"{name} needs a value.");
                }
            }
            else if (flagOptions.Contains(a))
            {
                parsed._flags.Add(a);
            }
            else
            {
                throw new CliUsageException($"Unknown option '{a}'.");
            }
        }

        return parsed;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public bool Has(string name) => _flags.Contains(name);
}

using Logfold.Processing.Pipeline;

namespace Logfold.Processing.Detect;

/// <summary>
/// Scores an event against every registered <see cref="ISourceModule"/> and picks the best one that
/// clears its configured threshold. A producer hint is confirmed rather than searched past.
/// Thread-safe.
/// </summary>
public sealed class SourceDetector
{
    private readonly ISourceModule[] _modules;
    private readonly double[] _thresholds;

    /// <summary>Creates a detector over the given modules.</summary>
    public SourceDetector(IReadOnlyList<ISourceModule> modules, DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(options);
        _modules = [.. modules];
        _thresholds = new double[_modules.Length];
        for (var i = 0; i < _modules.Length; i++)
        {
            _thresholds[i] = options.ThresholdFor(_modules[i].SourceType);
        }
    }

    /// <summary>The modules, in registration order.</summary>
    public IReadOnlyList<ISourceModule> Modules => _modules;

    /// <summary>Finds the module for a source type name, or null.</summary>
    public ISourceModule? Find(string? sourceType)
    {
        if (sourceType is null)
        {
            return null;
        }

        foreach (var module in _modules)
        {
            if (string.Equals(module.SourceType, sourceType, StringComparison.Ordinal))
            {
                return module;
            }
        }

        return null;
    }

    /// <summary>Detects the source type of one raw event.</summary>
    /// <param name="raw">The event's bytes (UTF-8).</param>
    /// <param name="hint">An optional producer-supplied source type.</param>
    public DetectionResult Detect(ReadOnlySpan<byte> raw, string? hint = null)
    {
        Span<double> scores = stackalloc double[_modules.Length];
        var hinted = -1;
        if (!string.IsNullOrEmpty(hint))
        {
            for (var i = 0; i < _modules.Length; i++)
            {
                if (string.Equals(_modules[i].SourceType, hint, StringComparison.Ordinal))
                {
                    hinted = i;
                    break;
                }
            }

            if (hinted >= 0)
            {
                var s = SafeScore(_modules[hinted], raw);
                if (s >= _thresholds[hinted])
                {
                    // Confirmed: no search.
                    return new DetectionResult
                    {
                        SourceType = _modules[hinted].SourceType,
                        Confidence = s,
                        Alternatives = [new SourceScore(_modules[hinted].SourceType, s)],
                        Hint = hint,
                        Module = _modules[hinted],
                    };
                }
            }
        }

        var best = -1;
        var count = 0;
        for (var i = 0; i < _modules.Length; i++)
        {
            scores[i] = SafeScore(_modules[i], raw);
            if (scores[i] > 0)
            {
                count++;
                if (best < 0 || scores[i] > scores[best])
                {
                    best = i;
                }
            }
        }

        var alternatives = Rank(scores, count);

        // The hint stands unless another source clears its own threshold.
        if (hinted >= 0 && (best < 0 || best == hinted || scores[best] < _thresholds[best]))
        {
            return new DetectionResult
            {
                SourceType = _modules[hinted].SourceType,
                Confidence = scores[hinted],
                Alternatives = alternatives,
                Hint = hint,
                Module = _modules[hinted],
            };
        }

        var hintGiven = !string.IsNullOrEmpty(hint);
        if (best >= 0 && scores[best] >= _thresholds[best])
        {
            return new DetectionResult
            {
                SourceType = _modules[best].SourceType,
                Confidence = scores[best],
                Alternatives = alternatives,
                Hint = hint,
                HintDisagreed = hintGiven && !string.Equals(hint, _modules[best].SourceType, StringComparison.Ordinal),
                Module = _modules[best],
            };
        }

        return new DetectionResult
        {
            SourceType = SourceTypes.Unknown,
            Confidence = best >= 0 ? scores[best] : 0,
            Alternatives = alternatives,
            BestGuess = best >= 0 ? _modules[best].SourceType : null,
            Hint = hint,
            HintDisagreed = hintGiven && !string.Equals(hint, SourceTypes.Unknown, StringComparison.Ordinal),
        };
    }

    private SourceScore[] Rank(ReadOnlySpan<double> scores, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var ranked = new SourceScore[count];
        var n = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] > 0)
            {
                // Insertion sort: there are only a handful of modules.
                var j = n++;
                while (j > 0 && ranked[j - 1].Confidence < scores[i])
                {
                    ranked[j] = ranked[j - 1];
                    j--;
                }

                ranked[j] = new SourceScore(_modules[i].SourceType, Math.Round(scores[i], 4));
            }
        }

        return ranked;
    }

    private static double SafeScore(ISourceModule module, ReadOnlySpan<byte> raw)
    {
        try
        {
            var s = module.Score(raw);
            return double.IsNaN(s) ? 0 : Math.Clamp(s, 0, 1);
        }
        catch (Exception)
        {
            // A scorer bug must never stop detection; the module simply does not claim the event.
            return 0;
        }
    }
}

using System.Globalization;
using Logfold.Contracts;
using Logfold.Processing.Model;

namespace Logfold.Serialization;

/// <summary>
/// Resolves field names read from a record to <see cref="FieldPath"/>s. Names already registered resolve for free;
/// new names (fields another process's configuration defined) are registered up to a limit, so hostile input
/// cannot grow the process-wide registry without bound. Thread-safe.
/// </summary>
internal sealed class FieldPathBudget
{
    /// <summary>The default number of new paths one codec may register.</summary>
    public const int DefaultLimit = 4096;

    /// <summary>The longest name segment accepted for a new path.</summary>
    public const int MaxSegmentLength = 256;

    /// <summary>The most segments accepted for a new path.</summary>
    public const int MaxSegments = 16;

    private readonly int _limit;
    private int _used;

    /// <summary>Creates a budget of <paramref name="limit"/> new paths.</summary>
    public FieldPathBudget(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _limit = limit;
    }

    /// <summary>How many new paths were registered through this budget.</summary>
    public int Used => Volatile.Read(ref _used);

    /// <summary>Returns the path for a dotted name, registering it when the budget allows.</summary>
    /// <exception cref="RecordFormatException">The name is malformed or the budget is spent.</exception>
    public FieldPath Resolve(string dottedName)
    {
        if (FieldPath.IsRegistered(dottedName))
        {
            return FieldPath.Of(dottedName);
        }

        if (!IsAcceptable(dottedName))
        {
            throw new RecordFormatException(string.Create(CultureInfo.InvariantCulture,
                $"A field name is empty, has an empty segment, more than {MaxSegments} segments or a segment longer than {MaxSegmentLength} characters."));
        }

        if (Interlocked.Increment(ref _used) > _limit)
        {
            Interlocked.Decrement(ref _used);
            throw new RecordFormatException(string.Create(CultureInfo.InvariantCulture,
                $"More than {_limit} unknown field names were seen; raise the limit if the fields are legitimate."));
        }

        return FieldPath.Of(dottedName);
    }

    private static bool IsAcceptable(string dottedName)
    {
        var segments = 1;
        var segmentLength = 0;
        foreach (var c in dottedName)
        {
            if (c == '.')
            {
                if (segmentLength == 0 || ++segments > MaxSegments)
                {
                    return false;
                }

                segmentLength = 0;
            }
            else if (++segmentLength > MaxSegmentLength)
            {
                return false;
            }
        }

        return segmentLength > 0;
    }
}

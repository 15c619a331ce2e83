using System.Buffers;

namespace Logfold.Cli;

/// <summary>
/// Reads newline-delimited records from a stream into a pooled buffer. A line longer than the cap is not
/// buffered whole: it is reported as oversized with its first bytes, and the reader skips to the next newline,
/// so memory stays bounded whatever the input.
/// </summary>
internal sealed class LineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLine;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public LineReader(Stream stream, int maxLine)
    {
        _stream = stream;
        _maxLine = maxLine;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxLine + 1, 1 << 20) < 256 * 1024 ? 256 * 1024 : 1 << 20);
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// Reads the next line (without its newline or a trailing CR). Returns false at the end of input.
    /// <paramref name="oversized"/> is true when the line exceeded the cap; <paramref name="line"/> then holds its
    /// first bytes only and <paramref name="fullLength"/> its real length. The line is a view of the reader's
    /// buffer, valid until the next call (so a container line can be split without copying it).
    /// </summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out bool oversized, out long fullLength)
    {
        oversized = false;
        while (true)
        {
            var available = _buffer.AsMemory(_start, _end - _start);
            var nl = available.Span.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                line = TrimCr(available[..nl]);
                fullLength = line.Length;
                _start += nl + 1;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                if (available.IsEmpty)
                {
                    line = default;
                    fullLength = 0;
                    return false;
                }

                line = TrimCr(available);
                fullLength = line.Length;
                _start = _end;
                LineNumber++;
                return true;
            }

            if (available.Length > _maxLine)
            {
                return SkipOversized(out line, out oversized, out fullLength);
            }

            Fill();
        }
    }

    private bool SkipOversized(out ReadOnlyMemory<byte> line, out bool oversized, out long fullLength)
    {
        // Keep a preview, then discard input until the next newline.
        const int preview = 256;
        var head = _buffer.AsSpan(_start, preview).ToArray();
        long length = _end - _start;
        _start = _end;
        while (true)
        {
            Fill();
            var available = _buffer.AsSpan(_start, _end - _start);
            var nl = available.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                length += nl;
                _start += nl + 1;
                break;
            }

            length += available.Length;
            _start = _end;
            if (_eof)
            {
                break;
            }
        }

        LineNumber++;
        line = head;
        oversized = true;
        fullLength = length;
        return true;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private static ReadOnlyMemory<byte> TrimCr(ReadOnlyMemory<byte> s) => s.Length > 0 && s.Span[^1] == (byte)'\r' ? s[..^1] : s;

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}

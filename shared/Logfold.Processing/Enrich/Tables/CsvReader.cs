using System.Text;

namespace Logfold.Processing.Enrich.Tables;

/// <summary>
/// A small RFC 4180 reader for enrichment files: comma-separated, double-quoted fields with <c>""</c> escapes,
/// quoted line breaks, blank lines skipped, and optionally <c>#</c> comment lines. Errors name the file and line.
/// </summary>
internal sealed class CsvReader
{
    private readonly string _text;
    private readonly string _path;
    private readonly bool _comments;
    private readonly StringBuilder _field = new();
    private int _pos;
    private int _line = 1;

    /// <summary>Reads <paramref name="text"/>, which came from <paramref name="path"/>.</summary>
    public CsvReader(string text, string path, bool allowComments)
    {
        _text = text;
        _path = path;
        _comments = allowComments;
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
        }
    }

    /// <summary>The file name used in errors.</summary>
    public string Path => _path;

    /// <summary>Reads the next non-blank row into <paramref name="fields"/>; false at the end.</summary>
    public bool TryReadRow(List<string> fields, out int line)
    {
        fields.Clear();
        SkipBlankAndComments();
        line = _line;
        if (_pos >= _text.Length)
        {
            return false;
        }

        while (true)
        {
            _field.Clear();
            if (_pos < _text.Length && _text[_pos] == '"')
            {
                ReadQuoted(line);
            }
            else
            {
                while (_pos < _text.Length && _text[_pos] is not (',' or '\n' or '\r'))
                {
                    _field.Append(_text[_pos++]);
                }
            }

            fields.Add(_field.ToString().Trim());
            if (_pos >= _text.Length)
            {
                return true;
            }

            var c = _text[_pos++];
            if (c == ',')
            {
                continue;
            }

            if (c == '\r' && _pos < _text.Length && _text[_pos] == '\n')
            {
                _pos++;
            }

            _line++;
            return true;
        }
    }

    private void ReadQuoted(int rowLine)
    {
        _pos++;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw DataFile.Error(_path, rowLine, "a quoted field is not closed.");
            }

            var c = _text[_pos++];
            if (c == '"')
            {
                if (_pos < _text.Length && _text[_pos] == '"')
                {
                    _field.Append('"');
                    _pos++;
                    continue;
                }

                break;
            }

            if (c == '\n')
            {
                _line++;
            }

            _field.Append(c);
        }

        // Only spaces may follow the closing quote before the separator.
        while (_pos < _text.Length && _text[_pos] == ' ')
        {
            _pos++;
        }

        if (_pos < _text.Length && _text[_pos] is not (',' or '\n' or '\r'))
        {
            throw DataFile.Error(_path, _line, "unexpected text after a closing quote.");
        }
    }

    private void SkipBlankAndComments()
    {
        while (_pos < _text.Length)
        {
            var end = _text.IndexOf('\n', _pos);
            var lineEnd = end < 0 ? _text.Length : end;
            var content = _text.AsSpan(_pos, lineEnd - _pos).Trim();
            if (content.IsEmpty || (_comments && content[0] == '#'))
            {
                _pos = end < 0 ? _text.Length : end + 1;
                _line++;
                continue;
            }

            return;
        }
    }
}

namespace Logfold.Processing.Model;

/// <summary>
/// An ordered set of name/value pairs whose names come from the data (for example Windows EventData or
/// key=value pairs), kept out of the interned <see cref="FieldPath"/> registry so hostile input cannot grow it.
/// Setting an existing name replaces its value.
/// </summary>
public sealed class FieldMap
{
    private readonly List<KeyValuePair<string, FieldValue>> _items = [];

    /// <summary>The number of entries.</summary>
    public int Count => _items.Count;

    /// <summary>The entry at <paramref name="index"/>, in insertion order.</summary>
    public KeyValuePair<string, FieldValue> this[int index] => _items[index];

    /// <summary>Sets a string value; null or empty values are ignored.</summary>
    public void Set(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Set(name, FieldValue.Of(value));
        }
    }

    /// <summary>Sets any value.</summary>
    public void Set(string name, FieldValue value)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.Ordinal))
            {
                _items[i] = new(name, value);
                return;
            }
        }

        _items.Add(new(name, value));
    }

    /// <summary>Looks a name up.</summary>
    public bool TryGet(string name, out FieldValue value)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, name, StringComparison.Ordinal))
            {
                value = _items[i].Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The string value of a name, or null.</summary>
    public string? GetString(string name) => TryGet(name, out var v) ? v.String : null;

    internal void Clear() => _items.Clear();
}

using System.Collections.Concurrent;
using System.Text.Json;

namespace Logfold.Processing.Model;

/// <summary>
/// An interned, dotted field name such as <c>source.ip</c>. Paths are created once (normally as
/// <c>static readonly</c> fields of a mapper) and compared by reference, so setting a field costs an array
/// store rather than a dictionary lookup. The set of paths is bounded by code and configuration: field names
/// that come from the data itself (Windows EventData names, key=value keys) go into a <see cref="FieldMap"/>.
/// </summary>
public sealed class FieldPath
{
    private static readonly ConcurrentDictionary<string, FieldPath> ByName = new(StringComparer.Ordinal);
    private static readonly Lock RegistryLock = new();
    private static int s_count;

    private FieldPath[] _children = [];

    private FieldPath(string name, string leaf, FieldPath? parent, int id)
    {
        Name = name;
        Leaf = leaf;
        Parent = parent;
        Id = id;
        EncodedLeaf = JsonEncodedText.Encode(leaf);
        Depth = parent is null ? 0 : parent.Depth + 1;
    }

    /// <summary>The root of the field tree; it has no name and is never set directly.</summary>
    public static FieldPath Root { get; } = new(string.Empty, string.Empty, null, 0);

    /// <summary>How many paths exist; every <see cref="Id"/> is below this.</summary>
    public static int Count => Volatile.Read(ref s_count) + 1;

    /// <summary>The full dotted name.</summary>
    public string Name { get; }

    /// <summary>The last segment of the name.</summary>
    public string Leaf { get; }

    /// <summary>The enclosing object path (the root for top-level names).</summary>
    public FieldPath? Parent { get; }

    /// <summary>A dense id, used to index per-document arrays.</summary>
    public int Id { get; }

    /// <summary>Nesting depth: 1 for top-level names.</summary>
    public int Depth { get; }

    /// <summary>The leaf name, pre-encoded for <see cref="Utf8JsonWriter"/>.</summary>
    public JsonEncodedText EncodedLeaf { get; }

    /// <summary>The child paths registered so far, in registration order.</summary>
    internal FieldPath[] Children => Volatile.Read(ref _children);

    /// <summary>Returns the interned path for a dotted name, creating it and its parents on first use.</summary>
    /// <exception cref="ArgumentException">The name is empty or has an empty segment.</exception>
    public static FieldPath Of(string dottedName)
    {
        ArgumentNullException.ThrowIfNull(dottedName);
        return ByName.TryGetValue(dottedName, out var existing) ? existing : Create(dottedName);
    }

    /// <summary>True when a path with this dotted name has been registered (no path is created).</summary>
    internal static bool IsRegistered(string dottedName) => ByName.ContainsKey(dottedName);

    /// <summary>Returns the child path <c>this.leaf</c>.</summary>
    public FieldPath Child(string leaf) => Of(Depth == 0 ? leaf : Name + "." + leaf);

    /// <summary>True when <paramref name="ancestor"/> is this path or one of its parents.</summary>
    public bool IsWithin(FieldPath ancestor)
    {
        for (var p = this; p is not null; p = p.Parent)
        {
            if (ReferenceEquals(p, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static FieldPath Create(string dottedName)
    {
        if (dottedName.Length == 0 || dottedName[0] == '.' || dottedName[^1] == '.' || dottedName.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{dottedName}' is not a valid field name.", nameof(dottedName));
        }

        lock (RegistryLock)
        {
            if (ByName.TryGetValue(dottedName, out var existing))
            {
                return existing;
            }

            var dot = dottedName.LastIndexOf('.');
            var parent = dot < 0 ? Root : Of(dottedName[..dot]);
            var path = new FieldPath(dottedName, dot < 0 ? dottedName : dottedName[(dot + 1)..], parent, Interlocked.Increment(ref s_count));
            var siblings = parent._children;
            var grown = new FieldPath[siblings.Length + 1];
            siblings.CopyTo(grown, 0);
            grown[^1] = path;
            Volatile.Write(ref parent._children, grown);
            ByName[dottedName] = path;
            return path;
        }
    }
}

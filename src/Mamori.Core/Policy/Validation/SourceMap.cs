using YamlDotNet.Core;

namespace Mamori.Policy.Validation;

/// <summary>A 1-based line and column in the policy file.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition Of(Mark mark) => new((int)mark.Line, (int)mark.Column);

    /// <summary>LINE:COL, as problems print it.</summary>
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// Where each node of the YAML tree stands in the text, by JSON Pointer. A value is found where it starts;
/// a mapping key where the key is written, so "unknown key" points at the key and not its value.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourcePosition> keys = new(StringComparer.Ordinal);

    public void AddValue(JsonPath path, Mark start) => values[path.Pointer] = SourcePosition.Of(start);

    public void AddKey(JsonPath path, Mark start) => keys[path.Pointer] = SourcePosition.Of(start);

    /// <summary>Where the value at <paramref name="path"/> starts; for a location the file does not have
    /// (a missing key), the nearest enclosing node that it does have.</summary>
    public SourcePosition ValueAt(JsonPath path)
    {
        for (var p = path; ; p = p.Parent)
        {
            if (values.TryGetValue(p.Pointer, out var position))
                return position;
            if (p.Pointer.Length == 0)
                return new SourcePosition(1, 1);
        }
    }

    /// <summary>Where the key naming <paramref name="path"/> is written; the value's position for list items.</summary>
    public SourcePosition KeyAt(JsonPath path) => keys.TryGetValue(path.Pointer, out var position) ? position : ValueAt(path);
}

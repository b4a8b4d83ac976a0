namespace Mamori.Policy.Validation;

/// <summary>
/// A JSON Pointer (RFC 6901) into the policy, built as <c>JsonPath.Root / "purposes" / 3 / "categories"</c>.
/// The same pointers name the YAML nodes in <see cref="SourceMap"/> and the instance locations that
/// JsonSchema.Net reports, which is how both kinds of problem find their line and column.
/// </summary>
internal readonly record struct JsonPath(string Pointer)
{
    public static JsonPath Root => new("");

#pragma warning disable CA2225 // A named alternative to '/' would only make the call sites harder to read.
    public static JsonPath operator /(JsonPath path, string key) =>
        new($"{path.Pointer}/{key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}");

    public static JsonPath operator /(JsonPath path, int index) => new($"{path.Pointer}/{index}");
#pragma warning restore CA2225

    /// <summary>The enclosing location, or the root itself.</summary>
    public JsonPath Parent => Pointer.Length == 0 ? this : new(Pointer[..Pointer.LastIndexOf('/')]);

    /// <summary>The last segment (a key or an index), unescaped.</summary>
    public string LastSegment =>
        Pointer[(Pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>Dotted form without list indices, e.g. <c>cookies.tags</c>, for messages.</summary>
    public string Dotted =>
        string.Join('.', Pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => !s.All(char.IsAsciiDigit)));

    public override string ToString() => Pointer;
}

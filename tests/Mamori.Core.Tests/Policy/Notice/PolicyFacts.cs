using System.Collections;
using System.Reflection;
using Mamori.Policy;

namespace Mamori.Core.Tests.Policy.Notice;

/// <summary>
/// Walks a policy by reflection and collects every <see cref="LocalizedText"/> with the path where it
/// sits ("cookies.tags[2].retention"). A field added to the model later is walked too, so the
/// coverage tests fail until the notice renders it.
/// </summary>
internal static class PolicyFacts
{
    public static IEnumerable<(string Path, LocalizedText Text)> LocalizedTexts(object root) => Walk(root, "policy");

    private static IEnumerable<(string Path, LocalizedText Text)> Walk(object? node, string path)
    {
        switch (node)
        {
            case null or string or DateOnly or Enum or ValueType:
                yield break;
            case LocalizedText text:
                yield return (path, text);
                yield break;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    foreach (var found in Walk(item, $"{path}[{index++}]"))
                    {
                        yield return found;
                    }
                }

                yield break;
        }

        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is null)
            {
                continue;
            }

            foreach (var found in Walk(property.GetValue(node), path + "." + CamelCase(property.Name)))
            {
                yield return found;
            }
        }
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

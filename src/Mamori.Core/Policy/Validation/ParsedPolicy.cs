using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Mamori.Policy.Validation;

/// <summary>The policy text parsed as YAML, seen as JSON, with the position of every node.</summary>
internal sealed record ParsedPolicy(JsonNode? Json, SourceMap Map)
{
    /// <summary>Parses one YAML document; a syntax error becomes a problem at the mark YamlDotNet gives.</summary>
    public static (ParsedPolicy? Parsed, PolicyProblem? Problem) Parse(string file, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e) when (FirstIndentingTab(text) is { } tab && tab.Line >= e.Start.Line)
        {
            // YamlDotNet marks the mapping a tab breaks, not the tab; point at the tab itself.
            return (null, new PolicyProblem(file, tab.Line, tab.Column, PolicyProblemCodes.YamlSyntax,
                "a tab indents this line; YAML indents with spaces only"));
        }
        catch (YamlException e)
        {
            const string duplicate = "Duplicate key ";
            return e.Message.StartsWith(duplicate, StringComparison.Ordinal)
                ? (null, Problem(file, e.Start, PolicyProblemCodes.YamlDuplicateKey, $"key '{e.Message[duplicate.Length..]}' is written twice in the same mapping"))
                : (null, Problem(file, e.Start, PolicyProblemCodes.YamlSyntax, e.Message));
        }

        if (stream.Documents.Count == 0)
            return (null, new PolicyProblem(file, 1, 1, PolicyProblemCodes.YamlEmpty, "the file holds no YAML document"));
        if (stream.Documents.Count > 1)
            return (null, Problem(file, stream.Documents[1].RootNode.Start, PolicyProblemCodes.YamlMultipleDocuments,
                "a policy file holds one YAML document; remove the second '---' part"));

        var map = new SourceMap();
        var json = YamlToJson.Convert(stream.Documents[0].RootNode, map);
        return (new ParsedPolicy(json, map), null);
    }

    private static SourcePosition? FirstIndentingTab(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
                return new SourcePosition(i + 1, tab + 1);
        }
        return null;
    }

    private static PolicyProblem Problem(string file, Mark mark, string code, string message)
    {
        var position = SourcePosition.Of(mark);
        // YamlDotNet reports the end of the stream on line 0 of some empty inputs; never print a 0.
        return new PolicyProblem(file, Math.Max(1, position.Line), Math.Max(1, position.Column), code, message);
    }
}

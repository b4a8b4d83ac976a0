using System.Security.Cryptography;
using System.Text;

namespace Mamori.Policy;

/// <summary>
/// Reads the policy YAML into a <see cref="PolicyDocument"/>. A policy loads only if
/// <see cref="PolicyValidator"/> finds nothing wrong, so the service never runs on a broken promise.
/// </summary>
public static class PolicyLoader
{
    /// <param name="file">The name printed in problems, e.g. <c>policy/policy.yaml</c>.</param>
    /// <param name="text">The file's text.</param>
    public static PolicyLoadResult Load(string file, string text)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var (policy, problems) = PolicyValidator.Run(file, text);
        return policy is null ? PolicyLoadResult.Failed(problems) : PolicyLoadResult.Loaded(policy, ContentHash(text));
    }

    /// <summary>Reads and loads a file; a file that cannot be read is a problem, not an exception.</summary>
    public static PolicyLoadResult LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return PolicyLoadResult.Failed([new PolicyProblem(path, 1, 1, PolicyProblemCodes.FileUnreadable, e.Message)]);
        }
        return Load(path, text);
    }

    /// <summary>
    /// SHA-256, lower-case hex, of the text as UTF-8 with CRLF and CR turned into LF and no byte-order mark:
    /// the same policy checked out on Windows or Linux has the same hash, and consents name it.
    /// </summary>
    public static string ContentHash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    /// <summary>Writes a policy back as YAML in the same conventions the loader reads.</summary>
    public static string ToYaml(PolicyDocument policy) => PolicyYamlConventions.Serializer.Serialize(policy);
}

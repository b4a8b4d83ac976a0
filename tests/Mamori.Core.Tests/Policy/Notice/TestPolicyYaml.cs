using System.Globalization;
using Mamori.Policy;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.Converters;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Tests.Policy.Notice;

/// <summary>
/// Reads policy/policy.yaml for these tests only, until the PolicyLoader (branch policy-validate)
/// lands: camelCase keys, YYYY-MM-DD dates, snake_case enums. Unknown keys fail, so a YAML field the
/// model lacks is noticed here rather than silently dropped from the notice.
/// </summary>
internal static class TestPolicyYaml
{
    public static string RepositoryPolicyPath => Path.Combine(AppContext.BaseDirectory, "policy", "policy.yaml");

    public static bool RepositoryPolicyExists => File.Exists(RepositoryPolicyPath);

    public static PolicyDocument LoadRepositoryPolicy() => Parse(File.ReadAllText(RepositoryPolicyPath));

    public static PolicyDocument Parse(string yaml) =>
        new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .WithTypeConverter(new DateOnlyConverter(CultureInfo.InvariantCulture, false, "yyyy-MM-dd"))
            .WithTypeConverter(new SnakeCaseEnumConverter())
            .Build()
            .Deserialize<PolicyDocument>(yaml);

    /// <summary>opt_out → ConsentMode.OptOut, special_care → Sensitivity.SpecialCare.</summary>
    private sealed class SnakeCaseEnumConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type.IsEnum;

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var scalar = parser.Consume<Scalar>();
            var name = scalar.Value.Replace("_", "", StringComparison.Ordinal);
            return Enum.TryParse(type, name, ignoreCase: true, out var value) && Enum.IsDefined(type, value)
                ? value
                : throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a {type.Name}.");
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            throw new NotSupportedException("The tests only read policies.");
    }
}

using System.Globalization;
using System.Text.Json;
using Mamori.Decisions;
using Mamori.Policy;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Core.Tests.Decisions;

/// <summary>
/// TEST-ONLY stand-in for <c>PolicyLoader</c> (branch policy-validate): reads the real
/// <c>policy/policy.yaml</c> with no validation. Replace every use with <c>PolicyLoader.LoadFile</c>
/// once that branch is merged, and delete this file.
/// </summary>
internal static class TestPolicyYaml
{
    public static string PolicyPath => Path.Combine(AppContext.BaseDirectory, "policy", "policy.yaml");

    private static readonly IDeserializer s_deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new SnakeCaseEnumConverter())
        .WithTypeConverter(new DateOnlyConverter())
        .Build();

    private static readonly Lazy<DecisionEngine> s_engine = new(() => DecisionEngine.For(Load()));

    /// <summary>The engine of the real policy, compiled once for all tests.</summary>
    public static DecisionEngine Engine => s_engine.Value;

    /// <summary>A fresh copy of the real policy, for tests that change it.</summary>
    public static PolicyDocument Load() => Load(PolicyPath);

    public static PolicyDocument Load(string path) => s_deserializer.Deserialize<PolicyDocument>(File.ReadAllText(path));

    /// <summary><c>special_care</c> → <c>SpecialCare</c>, <c>opt_out</c> → <c>OptOut</c>.</summary>
    private sealed class SnakeCaseEnumConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type.IsEnum;

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var scalar = parser.Consume<Scalar>();
            foreach (Enum value in Enum.GetValues(type))
            {
                if (JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()) == scalar.Value)
                    return value;
            }
            throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a {type.Name}");
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            throw new NotSupportedException();
    }

    private sealed class DateOnlyConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(DateOnly);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
            DateOnly.ParseExact(parser.Consume<Scalar>().Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            throw new NotSupportedException();
    }
}

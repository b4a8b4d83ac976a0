using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Mamori.Policy;

/// <summary>
/// How the policy model is written in YAML: camelCase keys, enums as snake_case words (<c>opt_out</c>,
/// <c>special_care</c>), dates as YYYY-MM-DD. Unknown keys are errors, never silently dropped: a misspelt
/// key would otherwise switch a promise off without anyone noticing.
/// </summary>
internal static class PolicyYamlConventions
{
    public static IDeserializer Deserializer { get; } = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new SnakeCaseEnumConverter())
        .WithTypeConverter(new IsoDateConverter())
        .Build();

    public static ISerializer Serializer { get; } = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithTypeConverter(new SnakeCaseEnumConverter())
        .WithTypeConverter(new IsoDateConverter())
        .WithQuotingNecessaryStrings()
        .WithIndentedSequences()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .WithAttributeOverride<DataCategory>(c => c.Sensitive, new YamlIgnoreAttribute())   // derived, not data
        .DisableAliases()
        .Build();

    /// <summary>The one spelling of an enum member in YAML and in the schema: <c>SpecialCare</c> → <c>special_care</c>.</summary>
    public static string EnumName(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private sealed class SnakeCaseEnumConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type.IsEnum;

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var scalar = parser.Consume<Scalar>();
            foreach (Enum value in Enum.GetValues(type))
            {
                if (EnumName(value) == scalar.Value)
                    return value;
            }
            var allowed = string.Join(", ", Enum.GetValues(type).Cast<Enum>().Select(EnumName));
            throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not one of: {allowed}");
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(EnumName((Enum)value!)));
    }

    private sealed class IsoDateConverter : IYamlTypeConverter
    {
        private const string Format = "yyyy-MM-dd";

        public bool Accepts(Type type) => type == typeof(DateOnly);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            var scalar = parser.Consume<Scalar>();
            if (DateOnly.TryParseExact(scalar.Value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not a date written YYYY-MM-DD");
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(((DateOnly)value!).ToString(Format, CultureInfo.InvariantCulture)));
    }
}

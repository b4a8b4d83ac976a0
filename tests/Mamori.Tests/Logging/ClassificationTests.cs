using System.Collections;
using System.Reflection;
using Mamori.Host.Api;
using Mamori.Vault;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Compliance.Classification;

namespace Mamori.Tests.Logging;

/// <summary>
/// Every place where a caller's text enters Mamori is classified (MamoriTaxonomy), so that a value logged by mistake
/// is redacted by its class: the API's request records, the vault's commands, and the fields the pages bind. A new
/// field without a class fails here.
/// </summary>
public sealed class ClassificationTests
{
    private static readonly Assembly Host = typeof(PersonsApi).Assembly;

    private static IEnumerable<PropertyInfo> RequestRecordFields() =>
        Host.GetTypes()
            .Where(t => t.Namespace == typeof(PersonsApi).Namespace && t.IsNested && (t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("RequestBody", StringComparison.Ordinal)))
            .SelectMany(t => t.GetProperties());

    private static IEnumerable<PropertyInfo> CommandFields() =>
        new[] { typeof(CreatePerson), typeof(UpdatePerson), typeof(PersonSearch) }.SelectMany(t => t.GetProperties());

    private static IEnumerable<PropertyInfo> BoundPageFields() =>
        Host.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)))
            .SelectMany(t => t.GetProperties())
            .Where(p => p.IsDefined(typeof(BindPropertyAttribute)) || p.DeclaringType!.IsDefined(typeof(BindPropertiesAttribute)));

    /// <summary>Text, or anything holding text: what a caller can fill with a value of their choosing.</summary>
    private static bool CanHoldText(PropertyInfo p) =>
        p.PropertyType == typeof(string) || (typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(byte[]));

    private static bool IsClassified(PropertyInfo p) =>
        p.IsDefined(typeof(DataClassificationAttribute), inherit: true) || p.IsDefined(typeof(NoDataClassificationAttribute));

    [Fact]
    public void Every_field_a_caller_fills_carries_a_data_classification()
    {
        var fields = RequestRecordFields().Concat(CommandFields()).Concat(BoundPageFields()).Where(CanHoldText).ToList();

        Assert.Contains(fields, f => f.DeclaringType == typeof(PersonsApi.CreateRequest));
        Assert.Contains(fields, f => f.DeclaringType == typeof(DecisionsApi.DecisionRequestBody));
        Assert.Contains(fields, f => f.DeclaringType!.Name == "LoginModel");
        var unclassified = fields.Where(f => !IsClassified(f)).Select(f => $"{f.DeclaringType!.FullName}.{f.Name}").ToList();
        Assert.True(unclassified.Count == 0, "Classify these (Mamori.Compliance): " + string.Join(", ", unclassified));
    }
}

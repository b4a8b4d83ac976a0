using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Staff;
using Mamori.Vault;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Host.Pages.Console.Persons;

/// <summary>Records a new person with their first items and where they came from (<see cref="PersonVault.CreateAsync"/>).</summary>
[RequirePermission(Permission.WritePersonalData)]
public sealed class NewModel(PersonVault vault, CurrentPolicy policy) : ConsolePageModel
{
    /// <summary>How many "other item" rows the form offers.</summary>
    public const int ExtraRows = 3;

    public PersonLabels Labels { get; private set; } = null!;
    [BindProperty] public NewPersonForm Form { get; set; } = new();

    public void OnGet() => Prepare();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Prepare();
        try
        {
            var person = await vault.CreateAsync(Form.ToCommand(), User.AuditActor(), ct);
            return Redirect($"/console/persons/{person.Id}?lang={Lang}&created=1");
        }
        catch (MamoriException e)
        {
            Fail(e);
            // The tag helpers show what was posted (ModelState) before the model: forget sensitive values in both.
            foreach (var index in Form.ForgetSensitiveValues(Labels))
                ModelState.Remove($"{nameof(Form)}.{nameof(NewPersonForm.Extra)}[{index}].{nameof(ExtraItem.Value)}");
            return Page();
        }
    }

    private void Prepare()
    {
        Lang = Ui.Lang(Request);
        Labels = new PersonLabels(policy.Document, Lang);
        Response.Headers.CacheControl = "no-cache, no-store";
        while (Form.Extra.Count < ExtraRows)
            Form.Extra.Add(new ExtraItem());
    }
}

/// <summary>The new-person form: kind and channel, the common contact fields, a few other items by category,
/// and the §8 ground or written consent for sensitive ones.</summary>
public sealed class NewPersonForm
{
    public string? Kind { get; set; } = "customer";
    public string? Channel { get; set; } = "direct";
    public string? Source { get; set; }
    public string? Name { get; set; }
    public string? NameKana { get; set; }
    public string? Birthdate { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public List<ExtraItem> Extra { get; set; } = [];
    public string? SensitiveGround { get; set; }
    public string? WrittenConsent { get; set; }

    /// <summary>The categories that have a field of their own on the form.</summary>
    public static readonly IReadOnlyList<string> ContactCategories =
        [Categories.Name, Categories.NameKana, Categories.Birthdate, Categories.Phone, Categories.Email, "contact.address"];

    public CreatePerson ToCommand()
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string category, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
                return;
            if (!items.TryAdd(category, value.Trim()))
                throw new MamoriException("item.duplicate_category", $"'{category}' is given twice.");
        }

        Add(Categories.Name, Name);
        Add(Categories.NameKana, NameKana);
        Add(Categories.Birthdate, Birthdate);
        Add(Categories.Phone, Phone);
        Add(Categories.Email, Email);
        Add("contact.address", Address);
        foreach (var extra in Extra)
        {
            if (!string.IsNullOrWhiteSpace(extra.Category))
                Add(extra.Category, extra.Value);
            else if (!string.IsNullOrWhiteSpace(extra.Value))
                throw new MamoriException("request.field_missing", "Choose the category of each other item.");
        }
        return new CreatePerson(Kind ?? "", Channel ?? "", items, Blank(Source), SensitiveGround: Blank(SensitiveGround), WrittenConsent: Blank(WrittenConsent));
    }

    /// <summary>After an error the form is shown again, but never with a sensitive value in it.</summary>
    /// <returns>The rows whose value was forgotten.</returns>
    public IReadOnlyList<int> ForgetSensitiveValues(PersonLabels labels)
    {
        var forgotten = new List<int>();
        for (var i = 0; i < Extra.Count; i++)
        {
            if (Extra[i].Category is { } category && labels.IsSensitive(category))
            {
                Extra[i].Value = null;
                forgotten.Add(i);
            }
        }
        return forgotten;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ExtraItem
{
    public string? Category { get; set; }
    public string? Value { get; set; }
}

using System.Globalization;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Staff;
using Mamori.Vault;
using Mamori.Policy;

namespace Mamori.Host.Pages.Console.Persons;

/// <summary>
/// Finds persons through the blind indexes. The search is a POST (the values never enter a URL, a log or the
/// browser history) and the answer names candidates by id and kind only; the values typed are not echoed back.
/// </summary>
[RequirePermission(Permission.ReadPersonalData)]
public sealed class IndexModel(PersonVault vault, CurrentPolicy policy) : ConsolePageModel
{
    public PersonLabels Labels { get; private set; } = null!;
    public IReadOnlyList<PersonMatch>? Matches { get; private set; }

    public void OnGet() => Prepare();

    public async Task OnPostAsync(string? email, string? phone, string? name, string? birthdate, CancellationToken ct)
    {
        Prepare();
        try
        {
            Matches = await vault.SearchAsync(new PersonSearch(email, phone, name, ParseDate(birthdate)), User.AuditActor(), ct);
        }
        catch (MamoriException e)
        {
            Fail(e);
        }
    }

    /// <summary>A date as the date input sends it (YYYY-MM-DD); blank is none.</summary>
    internal static DateOnly? ParseDate(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new MamoriException("item.birthdate_invalid", "A date of birth is written YYYY-MM-DD.");

    private void Prepare()
    {
        Lang = Ui.Lang(Request);
        Labels = new PersonLabels(policy.Document, Lang);
        Response.Headers.CacheControl = "no-cache, no-store";
    }
}

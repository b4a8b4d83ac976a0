using System.Security.Claims;
using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Host.Logging;
using Mamori.Staff;
using Mamori.Vault;

namespace Mamori.Host.Api;

/// <summary><c>/api/v1/persons</c>: store, read by purpose, change, find and erase persons. Thin: each handler
/// shapes one call to <see cref="PersonVault"/>.</summary>
public static class PersonsApi
{
    public sealed record CreateRequest(
        [property: UncheckedInput] string? Kind,
        [property: UncheckedInput] string? Channel,
        [property: PersonalData] Dictionary<string, string>? Items,
        [property: PersonalData] string? Source,
        DateTimeOffset? AcquiredAt,
        [property: UncheckedInput] List<string>? Purposes,
        [property: UncheckedInput] string? SensitiveGround,
        [property: SensitiveData] string? WrittenConsent);
    public sealed record UpdateRequest(
        [property: UncheckedInput] string? Purpose,
        [property: PersonalData] Dictionary<string, string>? Items,
        [property: UncheckedInput] string? Channel,
        [property: PersonalData] string? Source,
        [property: UncheckedInput] string? SensitiveGround,
        [property: SensitiveData] string? WrittenConsent);
    public sealed record SearchRequest(
        [property: PersonalData] string? Email,
        [property: PersonalData] string? Phone,
        [property: PersonalData] string? Name,
        [property: PersonalData] DateOnly? Birthdate);
    /// <summary>Why the person is erased: free text, which should hold no personal data but might.</summary>
    public sealed record ErasureRequest([property: PersonalData] string? Reason);

    public sealed record Created(Guid Id);
    public sealed record ItemDetail(Guid Id, string Category, string ContentType, Provenance Provenance);
    public sealed record PersonResponse(Guid Id, string Kind, string Purpose, [property: PersonalData] Dictionary<string, string> Items,
        IReadOnlyList<ItemDetail> Details, IReadOnlyList<WithheldItem> Withheld, bool UseSuspended, bool ProvisionSuspended);
    public sealed record SearchResponse(IReadOnlyList<PersonMatch> Matches);
    public sealed record Erased(Guid Id, DateTimeOffset ErasedAt);

    public static void MapPersonsApi(this IEndpointRouteBuilder routes)
    {
        var persons = routes.MapGroup("/api/v1/persons").WithTags("Persons");

        persons.MapPost("", async (CreateRequest body, PersonVault vault, ClaimsPrincipal user, ILogger<PersonVault> log, CancellationToken ct) =>
            {
                var person = await vault.CreateAsync(new CreatePerson(Required(body.Kind, "kind"), Required(body.Channel, "channel"),
                    body.Items ?? [], body.Source, body.AcquiredAt, body.Purposes, body.SensitiveGround, body.WrittenConsent), user.AuditActor(), ct);
                log.PersonCreated(person.Id, person.Kind, body.Items?.Count ?? 0, user.AuditActor());
                return TypedResults.Created($"/api/v1/persons/{person.Id}", new Created(person.Id));
            })
            .RequirePermission(Permission.WritePersonalData)
            .WithName("CreatePerson").WithSummary("Store a person and their first items, with where they came from.");

        persons.MapGet("/{id:guid}", async (Guid id, string? purpose, PersonVault vault, ILogger<PersonVault> log, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var view = await vault.ReadAsync(id, Required(purpose, "purpose"), user.AuditActor(), ct: ct);
                log.PersonRead(view.Id, view.Purpose, view.Items.Count, view.Withheld.Count);
                return TypedResults.Ok(new PersonResponse(view.Id, view.Kind, view.Purpose,
                    view.Items.Where(i => i.ContentType == ItemContent.Text).GroupBy(i => i.Category).ToDictionary(g => g.Key, g => g.Last().Value),
                    [.. view.Items.Select(i => new ItemDetail(i.Id, i.Category, i.ContentType, i.Provenance))],
                    view.Withheld, view.UseSuspended, view.ProvisionSuspended));
            })
            .RequirePermission(Permission.ReadPersonalData)
            .WithName("GetPerson").WithSummary("What the purpose may use of a person; the rest is withheld with reasons.");

        persons.MapPatch("/{id:guid}", async (Guid id, UpdateRequest body, PersonVault vault, ClaimsPrincipal user, ILogger<PersonVault> log, CancellationToken ct) =>
            {
                var command = new UpdatePerson(Required(body.Purpose, "purpose"), body.Items ?? [], body.Channel, body.Source,
                    body.SensitiveGround, body.WrittenConsent);
                await vault.UpdateAsync(id, command, user.AuditActor(), ct);
                log.PersonChanged(id, command.Purpose, command.Items.Count, user.AuditActor());
                return TypedResults.NoContent();
            })
            .RequirePermission(Permission.WritePersonalData)
            .WithName("UpdatePerson").WithSummary("Set items under a purpose that may use them.");

        persons.MapPost("/search", async (SearchRequest body, PersonVault vault, ILogger<PersonVault> log, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var matches = await vault.SearchAsync(new PersonSearch(body.Email, body.Phone, body.Name, body.Birthdate), user.AuditActor(), ct);
                log.PersonsSearched(FieldsOf(body), matches.Count);
                return TypedResults.Ok(new SearchResponse(matches));
            })
            .RequirePermission(Permission.ReadPersonalData)
            .WithName("SearchPersons").WithSummary("Find persons by email, phone, or name (kana or kanji) with birthdate.");

        persons.MapPost("/{id:guid}/files", async (Guid id, string? purpose, string? category, string? channel, HttpRequest request,
                PersonVault vault, ClaimsPrincipal user, ILogger<PersonVault> log, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer, ct);
                var item = await vault.AddFileAsync(id, Required(purpose, "purpose"), Required(category, "category"),
                    request.ContentType ?? "", buffer.ToArray(), channel ?? "direct", user.AuditActor(), ct);
                log.FileStored(item.Id, id, item.Category, user.AuditActor());
                return TypedResults.Created($"/api/v1/persons/{id}/items/{item.Id}", new Created(item.Id));
            })
            .RequirePermission(Permission.WritePersonalData)
            .WithName("AddPersonFile").WithSummary("Store a file item (a scanned form, a call recording), encrypted like text.");

        persons.MapGet("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, string? purpose, PersonVault vault, ILogger<PersonVault> log, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var use = Required(purpose, "purpose");
                var (item, content) = await vault.ReadFileAsync(id, itemId, use, user.AuditActor(), ct);
                log.FileRead(item.Id, id, use);
                return TypedResults.File(content, item.ContentType);
            })
            .RequirePermission(Permission.ReadPersonalData)
            .WithName("GetPersonFile").WithSummary("A file item's content, if the purpose may use its category.");

        persons.MapPost("/{id:guid}/erasure", async (Guid id, ErasureRequest body, PersonVault vault, ClaimsPrincipal user, ILogger<PersonVault> log, CancellationToken ct) =>
            {
                var tombstone = await vault.EraseAsync(id, body.Reason ?? "", user.AuditActor(), ct);
                log.PersonErased(tombstone.PersonId, user.AuditActor());
                return TypedResults.Ok(new Erased(tombstone.PersonId, tombstone.ShreddedAt));
            })
            .RequirePermission(Permission.ErasePersonalData)
            .WithName("ErasePerson").WithSummary("Erase a person for good by destroying their data key; leaves a tombstone.");
    }

    /// <summary>Which fields a search used (their names, never their values).</summary>
    private static string FieldsOf(SearchRequest search) =>
        string.Join(", ", new[] { ("email", search.Email), ("phone", search.Phone), ("name", search.Name) }
            .Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1));

    internal static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new MamoriException("request.field_missing", $"'{name}' is required.") : value;
}

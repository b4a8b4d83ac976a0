using Mamori.Compliance;
using Mamori.Host.Auth;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Signals;
using Mamori.Staff;
using Mamori.Vault;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Host.Pages.Console.Persons;

/// <summary>
/// One person, seen through a purpose: nothing until a purpose is chosen, then only what it may use with
/// provenance, and what it may not with the reasons. Staff who write personal data may change or add items,
/// and add files, under the same purpose. The purpose travels in the query string (it is not personal data).
/// </summary>
[RequirePermission(Permission.ReadPersonalData)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class PersonModel(PersonVault vault, LinkedSignals linkedSignals, StaffAccounts staff, CurrentPolicy policy) : ConsolePageModel
{
    /// <summary>A file item at its largest plus room for the rest of the form.</summary>
    public const int MaxRequestBytes = PersonVault.MaxFileBytes + 64 * 1024;

    public PersonLabels Labels { get; private set; } = null!;
    public Guid Id { get; private set; }
    [BindProperty(SupportsGet = true), UncheckedInput] public string? Purpose { get; set; }
    public PersonSummary? Person { get; private set; }
    public PersonView? View { get; private set; }
    /// <summary>The newest signals of the person's linked devices (§3(1) 照合), under the same purpose.</summary>
    public LinkedSignalsView? Signals { get; private set; }
    public const int SignalsShown = 50;
    /// <summary>Why the chosen purpose may not be used for this person at all.</summary>
    public PageError? Denied { get; private set; }
    public string? Notice { get; private set; }
    /// <summary>Who recorded each item, as staff user names where the recorder is staff.</summary>
    public IReadOnlyDictionary<string, string> Recorders { get; private set; } = new Dictionary<string, string>();
    [BindProperty] public ItemEdit Edit { get; set; } = new();

    public bool CanWrite => User.Has(Permission.WritePersonalData);

    public async Task<IActionResult> OnGetAsync(Guid id, string? created, string? saved, CancellationToken ct)
    {
        Notice = created == "1" ? "persons.created" : saved == "1" ? "persons.saved" : null;
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>Sets one item (changing it, or adding it) under the chosen purpose.</summary>
    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        if (!CanWrite)
            return Forbid();
        try
        {
            var items = new Dictionary<string, string> { [Required(Edit.Category, "category")] = (Edit.Value ?? "").Trim() };
            await vault.UpdateAsync(id, new UpdatePerson(Required(Purpose, "purpose"), items, Blank(Edit.Channel), Blank(Edit.Source),
                Blank(Edit.SensitiveGround), Blank(Edit.WrittenConsent)), User.AuditActor(), ct);
            return Redirect(Self(id) + "&saved=1");
        }
        catch (MamoriException e)
        {
            Fail(e);
        }
        await LoadAsync(id, ct);
        if (Edit.Category is { } category && Labels.IsSensitive(category))
            Edit.Value = null;
        return Page();
    }

    /// <summary>Adds a file item (PDF, image or audio, told by its content) under the chosen purpose.</summary>
    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, string? category, string? channel, CancellationToken ct)
    {
        if (!CanWrite)
            return Forbid();
        try
        {
            if (file is null || file.Length is 0 or > PersonVault.MaxFileBytes)
                throw new MamoriException("item.file_size", $"A file item holds 1 byte to {PersonVault.MaxFileBytes / (1024 * 1024)} MB.");
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var content = buffer.ToArray();
            var mediaType = UploadedFiles.MediaTypeOf(content)
                ?? throw new MamoriException("item.file_type_unsupported", "Only PDF, JPEG, PNG and audio (MP3, M4A, WAV, OGG) files are accepted.");
            await vault.AddFileAsync(id, Required(Purpose, "purpose"), Required(category, "category"), mediaType, content,
                Blank(channel) ?? "direct", User.AuditActor(), ct);
            return Redirect(Self(id) + "&saved=1");
        }
        catch (MamoriException e)
        {
            Fail(e);
        }
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>A file item's content as an attachment, if the chosen purpose may use its category.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid itemId, CancellationToken ct)
    {
        try
        {
            var (item, content) = await vault.ReadFileAsync(id, itemId, Required(Purpose, "purpose"), User.AuditActor(), ct);
            Response.Headers.CacheControl = "no-cache, no-store";
            var type = UploadedFiles.Servable.Contains(item.ContentType) ? item.ContentType : UploadedFiles.OctetStream;
            return File(content, type, UploadedFiles.DownloadName(item.Category, item.Id, type));
        }
        catch (MamoriException e)
        {
            Fail(e);
        }
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>This page under the chosen purpose, in the page's language.</summary>
    public string Self(Guid id) =>
        $"/console/persons/{id}?lang={Ui.Lang(Request)}" + (string.IsNullOrEmpty(Purpose) ? "" : "&purpose=" + Uri.EscapeDataString(Purpose));

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        Lang = Ui.Lang(Request);
        Labels = new PersonLabels(policy.Document, Lang);
        Response.Headers.CacheControl = "no-cache, no-store";
        try
        {
            Person = await vault.DescribeAsync(id, ct);
        }
        catch (MamoriException e)
        {
            Fail(e);
            return;
        }
        if (string.IsNullOrWhiteSpace(Purpose))
            return;
        try
        {
            View = await vault.ReadAsync(id, Purpose, User.AuditActor(), ct: ct);
            Signals = await linkedSignals.ReadAsync(id, Purpose, User.AuditActor(), SignalsShown, ct: ct);
        }
        catch (UseDeniedException e)
        {
            Denied = PageError.From(e);
            return;
        }
        Recorders = await staff.NamesOfAsync(View.Items.Select(i => i.RecordedBy), ct);
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new MamoriException("request.field_missing", $"'{name}' is required.") : value;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>One item to set under the chosen purpose, with where it came from and, if sensitive, its ground.</summary>
public sealed class ItemEdit
{
    public string? Category { get; set; }
    public string? Value { get; set; }
    public string? Channel { get; set; }
    public string? Source { get; set; }
    public string? SensitiveGround { get; set; }
    public string? WrittenConsent { get; set; }
}

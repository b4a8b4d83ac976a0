using Mamori.Audit;
using Mamori.Host.Pages.Console.Requests;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mamori.Host.Pages.Privacy;

/// <summary>
/// /privacy/requests/new: the online application (開示等の請求等), shown only when the policy switches the online
/// channel on (<c>requests.onlineForm</c>); otherwise requests come by post and this page does not exist. The
/// proof of identity (and the agent's documents) are uploaded with it: PDF, JPEG or PNG, told by their content.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class RequestFormModel(RequestCases cases, CurrentPolicy policy) : PageModel
{
    public const int MaxFiles = 4;
    public const int MaxRequestBytes = 48 * 1024 * 1024;

    public string Lang { get; private set; } = "ja";
    public PolicyDocument Policy => policy.Document;
    public string? ErrorCode { get; private set; }
    public RequestCase? Received { get; private set; }
    [BindProperty] public OnlineRequestForm Form { get; set; } = new();

    public IActionResult OnGet()
    {
        Lang = Ui.Lang(Request);
        return Policy.Requests.OnlineForm ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? identity, List<IFormFile>? agentDocuments, CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        if (!Policy.Requests.OnlineForm)
            return NotFound();
        try
        {
            // Every file is checked before anything is stored, so a refused upload leaves no half-made request.
            var identityScan = await ReadAsync(identity, required: true, ct);
            var agentScans = new List<byte[]>();
            foreach (var file in (agentDocuments ?? []).Where(f => f.Length > 0).Take(MaxFiles))
                agentScans.Add((await ReadAsync(file, required: false, ct))!);
            var opened = await cases.OpenAsync(Form.ToCommand(), AuditActors.Anonymous, ct);
            await cases.AddDocumentAsync(opened.Id, "identity_document", identityScan!, AuditActors.Anonymous, ct);
            foreach (var scan in agentScans)
                await cases.AddDocumentAsync(opened.Id, null, scan, AuditActors.Anonymous, ct);
            Received = opened;
        }
        catch (MamoriException e)
        {
            ErrorCode = e.Code;
            Response.StatusCode = e.Status;
        }
        return Page();
    }

    private async Task<byte[]?> ReadAsync(IFormFile? file, bool required, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return required ? throw new MamoriException(RequestCodes.DocumentSize, "Attach your proof of identity.") : null;
        if (file.Length > Policy.Requests.MaxDocumentBytes)
            throw new MamoriException(RequestCodes.DocumentSize, "A document is too large.", 413);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        return DocumentTypes.Of(content) is null
            ? throw new MamoriException(RequestCodes.DocumentType, "Only PDF, JPEG and PNG documents are accepted.", 415)
            : content;
    }
}

/// <summary>What a person fills in online: the same as the paper application form.</summary>
public sealed class OnlineRequestForm : RequestApplicationForm
{
    public OnlineRequestForm() => ResponseMethod = ResponseMethods.Electronic;

    public OpenRequest ToCommand() => Command(RequestChannels.Online);
}

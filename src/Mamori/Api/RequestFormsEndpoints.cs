using Mamori.Requests.Forms;

namespace Mamori.Host.Api;

/// <summary>The printable request forms (§9(2)) the public page links to: public, like the page.</summary>
public static class RequestFormsEndpoints
{
    public static void MapRequestForms(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/privacy/requests/forms/{file}", IResult (string file, RequestForms forms) =>
                forms.Find(file) is { } pdf ? TypedResults.File(pdf, "application/pdf", file) : TypedResults.NotFound())
            .AllowAnonymous()
            .WithName("RequestForm")
            .ExcludeFromDescription();
    }
}

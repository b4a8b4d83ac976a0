using Mamori.Host.Pages.Console.Persons;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Console;

/// <summary>What the console's working pages share: the page's language and the problem a refused action shows.</summary>
public abstract class ConsolePageModel : PageModel
{
    public string Lang { get; protected set; } = "ja";
    public PageError? Error { get; private set; }

    /// <summary>Shows the refusal on the page the action came from, answered with the problem's status.</summary>
    protected void Fail(MamoriException e)
    {
        Error = PageError.From(e);
        Response.StatusCode = e.Status;
    }

    /// <summary>Runs an action and goes to the page it names; refused, shows this page again (reloaded) with the problem.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task<string>> act, Func<Task> reload)
    {
        try
        {
            return Redirect(await act());
        }
        catch (MamoriException e)
        {
            Fail(e);
            await reload();
            return Page();
        }
    }
}

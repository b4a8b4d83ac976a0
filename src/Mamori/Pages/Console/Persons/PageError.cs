namespace Mamori.Host.Pages.Console.Persons;

/// <summary>A failure to show on a page: the stable code, the vault's detail, and for a denied use every reason.</summary>
public sealed record PageError(string Code, string Detail, IReadOnlyList<string> Reasons)
{
    public static PageError From(MamoriException e) => new(e.Code, e.Message, e is UseDeniedException denied ? denied.Reasons : []);
}

using Mamori.Policy;

namespace Mamori.Requests.Forms;

/// <summary>
/// The downloadable forms of the policy in force, each drawn once: they depend on nothing but the policy, which does
/// not change while Mamori runs.
/// </summary>
public sealed class RequestForms(CurrentPolicy policy)
{
    /// <summary>The file names under <c>/privacy/requests/forms/</c>.</summary>
    public const string ApplicationFile = "application.pdf";
    public const string PowerOfAttorneyFile = "power-of-attorney.pdf";

    private readonly Lazy<byte[]> _application = new(() => RequestFormPdf.Application(policy.Document));
    private readonly Lazy<byte[]> _powerOfAttorney = new(() => RequestFormPdf.PowerOfAttorney(policy.Document));

    /// <summary>The form's PDF by its file name; null for a name that is not a form.</summary>
    public byte[]? Find(string fileName) => fileName switch
    {
        ApplicationFile => _application.Value,
        PowerOfAttorneyFile => _powerOfAttorney.Value,
        _ => null,
    };
}

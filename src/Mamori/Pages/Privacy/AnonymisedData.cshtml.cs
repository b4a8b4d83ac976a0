using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Statistics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Host.Pages.Privacy;

/// <summary>/privacy/anonymised-data: the anonymised datasets made (匿名加工情報), the items each contains and how it is
/// provided, as APPI Arts. 43(3) and 44 require them published.</summary>
public sealed class AnonymisedDataModel(AnonymisedDatasets datasets, CurrentPolicy policy) : PageModel
{
    public string Lang { get; private set; } = "ja";
    public IReadOnlyList<AnonymisedDataset> Datasets { get; private set; } = [];
    public PolicyDocument Policy => policy.Document;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Lang = Ui.Lang(Request);
        Datasets = await datasets.PublishedAsync(ct);
    }

    public string ItemLabel(string id) => Policy.DataCategories.FirstOrDefault(c => c.Id == id)?.Label.In(Lang) ?? id;
}

using static Mamori.Policy.Notice.NoticeContext;

namespace Mamori.Policy.Notice;

// §9 how to make a request (開示等の請求等) and §10 when we may refuse one.
internal sealed partial class NoticeBuilder
{
    private RequestProcedure Requests => Policy.Requests;

    private Section RequestsSection() => Numbered(9,
    [
        Sub(9, 1, T.RequestWhereTitle, RequestWhereBody()),
        Sub(9, 2, T.RequestDocumentsTitle, RequestDocumentsBody()),
        Sub(9, 3, T.RequestFeeTitle, RequestFeeBody()),
        Sub(9, 4, T.RequestResponseTitle, RequestResponseBody()),
        Sub(9, 5, T.RequestDataUseTitle, context.Paragraphs(Requests.UseOfRequestData)),
    ]);

    /// <summary>§9(1): which requests, where to send them, and how soon we answer.</summary>
    private List<Block> RequestWhereBody()
    {
        var body = new List<Block>(context.Paragraphs(Requests.Statement))
        {
            new Facts(
            [
                new Detail(Plain(T.RequestKinds), [Bullets(Requests.Kinds.Select(k => context.Say(k.Label)))]),
                new Detail(Plain(T.MailTo), context.Address(Requests.MailTo)),
            ]),
        };
        body.Add(Para(Requests.OnlineForm
            ? Run.Of(Plain(T.OnlineFormAccepted), new Link(Links.Requests, Plain(T.RequestPageLink)))
            : Run.Of(Plain(T.PostOnly), new Link(Links.Requests, Plain(T.RequestPageLink)))));
        body.Add(Para(T.ResponseDeadline(Requests.InternalTargetDays, Requests.DueDays)));
        return body;
    }

    /// <summary>§9(2): documents A and B, then what an appointed or a legal agent adds.</summary>
    private List<Block> RequestDocumentsBody() =>
    [
        Para(T.DocumentsIntro),
        new ItemList([.. Requests.Documents.Select(d => DocumentItem(d, marker: null))]),
        Para(T.AgentDocumentsIntro),
        new Table("agent-documents", Plain(T.AgentDocumentsCaption), [T.AgentKind, T.RequiredDocuments],
        [
            new Row(Plain(T.AppointedAgent), [new Cell([AgentDocuments(Requests.AppointedAgentDocuments)])], "agent-appointed"),
            new Row(Plain(T.LegalAgent), [new Cell([AgentDocuments(Requests.LegalAgentDocuments)])], "agent-legal"),
        ]),
    ];

    private ItemList AgentDocuments(IEnumerable<RequestDocument> documents) =>
        new([.. documents.Select((d, i) => DocumentItem(d, Numbering.Circled(i + 1)))]);

    /// <summary>A document with its download link (where there is a form to fill in) and its note.</summary>
    private Item DocumentItem(RequestDocument document, string? marker)
    {
        var content = new List<Inline> { context.Say(document.Label) };
        if (!string.IsNullOrWhiteSpace(document.DownloadPath))
        {
            content.AddRange([Plain(T.OpenParenthesis), new Link(Links.Form(document.DownloadPath), Plain(T.DownloadLink)), Plain(T.CloseParenthesis)]);
        }

        return new Item(new Run(content), marker, Numbering.Anchor("document", document.Id), [.. context.Paragraphs(document.Note)]);
    }

    /// <summary>§9(3): the fee, which kinds of request pay it and which do not, and how to pay.</summary>
    private List<Block> RequestFeeBody()
    {
        var fee = Requests.Fee;
        var body = new List<Block>
        {
            new Facts(
            [
                new Detail(Plain(T.FeeAmount), new Strong(Plain(T.FormatFee(fee.Amount, fee.Currency)))),
                new Detail(Plain(T.FeePayingKinds), context.Join(Requests.Kinds.Where(k => k.Fee).Select(k => context.Say(k.Label)))),
                new Detail(Plain(T.FeeFreeKinds), context.Join(Requests.Kinds.Where(k => !k.Fee).Select(k => context.Say(k.Label)))),
                new Detail(Plain(T.FeeMethod), [.. context.Paragraphs(fee.Method)]),
            ]),
        };
        body.AddRange(context.Paragraphs(fee.Note, "note"));
        return body;
    }

    /// <summary>§9(4): the ways we answer, and the fallback to paper.</summary>
    private List<Block> RequestResponseBody()
    {
        var body = new List<Block>
        {
            Para(T.ResponseMethodsIntro),
            Bullets(Requests.ResponseMethods.Select(m => context.Say(m.Label))),
        };
        body.AddRange(context.Paragraphs(Requests.ResponseStatement));
        if (Requests.CategoriesKeptByLaw.Count > 0)
        {
            body.Add(Para(T.KeptByLawIntro));
            body.Add(Bullets(Requests.CategoriesKeptByLaw.Select(CategoryAndReason)));
        }
        if (Requests.CategoriesNotRetained.Count > 0)
        {
            body.Add(Para(T.NotRetainedIntro));
            body.Add(Bullets(Requests.CategoriesNotRetained.Select(CategoryAndReason)));
        }
        return body;
    }

    private Run CategoryAndReason(CategoryWithReason entry) => Run.Of(context.CategoryName(entry.Category), Plain(T.Colon), context.Say(entry.Reason));

    private Section RefusalSection() => Numbered(10,
    [
        .. LeadIn(Policy.RefusalStatement, T.RefusalIntro),
        Bullets(Policy.RefusalGrounds.Select(g => context.Say(g.Label))),
    ]);
}

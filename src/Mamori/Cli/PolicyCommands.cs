using System.CommandLine;
using Mamori.Host.Web;
using Mamori.Policy;
using Mamori.Policy.Notice;

namespace Mamori.Host.Cli;

/// <summary><c>mamori policy check | render | diff | schema</c>.</summary>
public static class PolicyCommands
{
    public static Command Create() => new("policy", "Check, render and compare the privacy policy.")
    {
        Check(), Render(), Diff(), Schema(),
    };

    private static Argument<string?> FileArgument() => new("FILE")
    {
        Description = "Policy file (default: policy/policy.yaml).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static string Resolve(string? file) => new ServeOptions { PolicyFile = file }.ResolvePolicyFile();

    private static Command Check()
    {
        var file = FileArgument();
        var command = new Command("check", "Validate a policy: prints FILE:LINE:COL: message per problem and exits 1 on any.") { file };
        command.SetAction(result =>
        {
            var loaded = PolicyFile.Load(Resolve(result.GetValue(file)));
            foreach (var problem in loaded.Problems)
                Console.WriteLine(problem);
            if (!loaded.Ok)
            {
                Console.Error.WriteLine($"{loaded.Problems.Count} problem(s).");
                return 1;
            }
            var p = loaded.Policy!;
            Console.WriteLine($"{p.SourceFile}: ok — version {p.Version}, {p.Document.Purposes.Count} purposes, " +
                              $"{p.Document.DataCategories.Count} data categories, sha256 {p.ContentHash}");
            return 0;
        });
        return command;
    }

    private static Command Render()
    {
        var file = FileArgument();
        var lang = new Option<string>("--lang") { Description = "ja or en.", DefaultValueFactory = _ => "ja" };
        lang.AcceptOnlyFromAmong("ja", "en");
        var format = new Option<string>("--format") { Description = "html or md.", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "md");
        var command = new Command("render", "Print the public notice rendered from the policy.") { file, lang, format };
        command.SetAction(result =>
        {
            var loaded = PolicyFile.Load(Resolve(result.GetValue(file)));
            if (!loaded.Ok)
                return Fail(loaded.Problems);
            var document = loaded.Policy!.Document;
            var language = result.GetValue(lang)!;
            Console.WriteLine(result.GetValue(format) == "md"
                ? new NoticeRenderer().RenderMarkdown(document, language)
                : StandaloneHtml(document, language));
            return 0;
        });
        return command;
    }

    private static Command Diff()
    {
        var oldFile = new Argument<string>("OLD") { Description = "The earlier policy file." };
        var newFile = new Argument<string>("NEW") { Description = "The changed policy file." };
        var command = new Command("diff", "What changed between two policy versions, and what APPI asks of each change.") { oldFile, newFile };
        command.SetAction(result =>
        {
            var before = PolicyFile.Load(Path.GetFullPath(result.GetValue(oldFile)!));
            var after = PolicyFile.Load(Path.GetFullPath(result.GetValue(newFile)!));
            if (!before.Ok || !after.Ok)
                return Fail([.. before.Problems, .. after.Problems]);
            var diff = PolicyDiff.Compare(before.Policy!.Document, after.Policy!.Document);
            Console.Write(diff.Render("ja"));
            Console.WriteLine();
            Console.Write(diff.Render("en"));
            ReportJointUseNotice(before.Policy.Document, after.Policy.Document);
            return 0;
        });
        return command;
    }

    /// <summary>Art. 27(6): says whether the joint-use changes are told in advance, were the new version published today
    /// (publishing refuses it otherwise).</summary>
    private static void ReportJointUseNotice(PolicyDocument before, PolicyDocument after)
    {
        if (JointUseNotice.Changes(before, after).Count == 0)
            return;
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime);
        var notified = JointUseNotice.NoticeDay(after, today);
        Console.WriteLine();
        if (JointUseNotice.Violation(before, after, today) is { } violation)
        {
            Console.WriteLine($"! 共同利用の変更は事前の通知又は公表が必要です：通知日 {notified:yyyy-MM-dd}、施行日 {after.EffectiveFrom:yyyy-MM-dd}。施行日を通知日より後にしてください。");
            Console.WriteLine("! " + violation);
            return;
        }
        Console.WriteLine($"共同利用の変更：通知日 {notified:yyyy-MM-dd} は施行日 {after.EffectiveFrom:yyyy-MM-dd} より前です（事前通知）。");
        Console.WriteLine($"Joint-use changes: notice on {notified:yyyy-MM-dd}, before the version takes effect on {after.EffectiveFrom:yyyy-MM-dd} (advance notice).");
    }

    private static Command Schema()
    {
        var command = new Command("schema", "Print the JSON Schema of the policy file, generated from the model.");
        command.SetAction(_ =>
        {
            Console.WriteLine(PolicySchema.Generate());
            return 0;
        });
        return command;
    }

    private static int Fail(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
            Console.Error.WriteLine(problem);
        return 1;
    }

    private static string StandaloneHtml(PolicyDocument document, string lang) =>
        $"""
        <!DOCTYPE html>
        <html lang="{lang}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{System.Net.WebUtility.HtmlEncode(document.Title.In(lang))}</title>
        <style>{NoticeStyles.Css}</style></head>
        <body>
        {new NoticeRenderer().RenderHtml(document, lang, NoticeLinks.Default)}
        </body>
        </html>
        """;
}

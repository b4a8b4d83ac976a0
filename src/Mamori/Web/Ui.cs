using System.Collections.Frozen;

namespace Mamori.Host.Web;

/// <summary>The interface's own words, Japanese first. Policy wording never lives here: it comes from the policy.</summary>
public static class Ui
{
    public static string Lang(HttpRequest request) =>
        request.Query["lang"] == "en" || (request.Query["lang"].Count == 0 && request.Cookies["mamori.lang"] == "en") ? "en" : "ja";

    public static string T(string lang, string key) =>
        Strings.TryGetValue(key, out var s) ? (lang == "en" ? s.En : s.Ja) : throw new KeyNotFoundException($"No UI text '{key}'.");

    private static readonly FrozenDictionary<string, (string Ja, string En)> Strings = new Dictionary<string, (string, string)>
    {
        ["app.name"] = ("守り Mamori", "Mamori"),
        ["nav.privacy"] = ("プライバシーポリシー", "Privacy policy"),
        ["nav.cookies"] = ("クッキー設定", "Cookie settings"),
        ["nav.requests"] = ("開示等の請求", "Requests"),
        ["nav.inquiry"] = ("お問い合わせ", "Inquiries"),
        ["nav.console"] = ("スタッフ用コンソール", "Staff console"),
        ["lang.switch"] = ("English", "日本語"),
        ["privacy.title"] = ("個人情報保護方針（プライバシーポリシー）", "Privacy Policy"),
        ["privacy.version"] = ("版", "Version"),
        ["privacy.effective"] = ("施行日", "Effective from"),
        ["privacy.established"] = ("制定", "Established"),
        ["privacy.revised"] = ("最終改定", "Last revised"),
        ["privacy.earlier"] = ("過去の版", "Earlier versions"),
        ["privacy.no_earlier"] = ("過去の版はありません。", "There are no earlier versions."),
        ["privacy.archived"] = ("これは過去の版です。現行の版はこちら", "This is an earlier version. The current version is here"),
        ["privacy.all_versions"] = ("プライバシーポリシーの版の一覧", "All versions of the privacy policy"),
        ["privacy.external_transmission"] = ("外部送信について", "External transmission"),
        ["privacy.print"] = ("印刷にはブラウザの印刷機能をご利用ください。", "Use your browser's print function to print this notice."),
        ["console.title"] = ("スタッフ用コンソール", "Staff console"),
        ["console.login"] = ("サインイン", "Sign in"),
        ["console.user"] = ("ユーザー名", "User name"),
        ["console.password"] = ("パスワード", "Password"),
        ["console.code"] = ("確認コード（6桁）", "Verification code (6 digits)"),
        ["console.verify"] = ("確認", "Verify"),
        ["console.login_failed"] = ("ユーザー名またはパスワードが正しくありません。", "The user name or password is incorrect."),
        ["console.locked"] = ("失敗が続いたため、このアカウントは一時的にロックされています。しばらくしてから再度お試しください。",
                              "This account is locked for a while after repeated failures. Try again later."),
        ["console.code_failed"] = ("確認コードが正しくありません。", "The verification code is incorrect."),
        ["console.totp_heading"] = ("二要素認証", "Two-factor authentication"),
        ["console.totp_prompt"] = ("認証アプリに表示されている6桁のコードを入力してください。", "Enter the 6-digit code shown in your authenticator app."),
        ["console.enrol_heading"] = ("二要素認証の設定", "Set up two-factor authentication"),
        ["console.enrol_prompt"] = ("認証アプリ（Google Authenticator など）でこのQRコードを読み取るか、キーを入力し、表示されたコードを入力してください。",
                                    "Scan this QR code with an authenticator app (such as Google Authenticator) or enter the key, then type the code it shows."),
        ["console.enrol_key"] = ("手入力用のキー", "Key for manual entry"),
        ["console.signed_in_as"] = ("サインイン中", "Signed in as"),
        ["console.role"] = ("ロール", "Role"),
        ["console.permissions"] = ("権限", "Permissions"),
        ["console.logout"] = ("サインアウト", "Sign out"),
        ["console.home"] = ("ホーム", "Home"),
        ["console.policy_versions"] = ("ポリシーの版", "Policy versions"),
        ["console.api_keys"] = ("APIキー", "API keys"),
        ["console.denied"] = ("この操作を行う権限がありません。", "You do not have permission for this."),
        ["console.current"] = ("現行", "current"),
        ["console.published"] = ("登録日時", "Published"),
        ["console.hash"] = ("ハッシュ", "Hash"),
        ["console.compare"] = ("比較", "Compare"),
        ["console.diff_heading"] = ("変更点", "What changed"),
        ["console.no_changes"] = ("変更はありません。", "No changes."),
        ["console.needs_consent"] = ("本人の同意の取り直しが必要な変更が含まれます。", "Includes changes that need the persons' consent again."),
        ["console.key_name"] = ("名前", "Name"),
        ["console.key_created"] = ("作成日時", "Created"),
        ["console.key_revoked"] = ("失効", "Revoked"),
        ["console.key_create"] = ("キーを作成", "Create key"),
        ["console.key_revoke"] = ("失効させる", "Revoke"),
        ["console.key_shown_once"] = ("このキーは一度だけ表示されます。安全な場所に保管してください。", "This key is shown only once. Store it somewhere safe."),
        ["console.none"] = ("ありません。", "None."),
    }.ToFrozenDictionary();
}

using Mamori.Policy;

namespace Mamori.Core.Tests.Policy.Notice;

/// <summary>
/// A small policy with every field of the model filled in, including the cases the agency's real
/// policy does not have (an opt-in category, a contractor, a recipient abroad, an online form).
/// <see cref="Hostile"/> puts markup and script into labels and links, to prove they stay text.
/// </summary>
internal static class NoticeFixture
{
    public static LocalizedText L(string ja, string en) => new() { Ja = ja, En = en };

    public static PolicyDocument Create() => Build(label => label);

    /// <summary>The same policy with script, markup and quote characters in its texts and URLs.</summary>
    public static PolicyDocument Hostile() => Build(label => label + HostileSuffix);

    public const string HostileSuffix = "<script>alert(1)</script>\" onclick=\"x\" style=\"color:red\"&amp;";

    public const string JavascriptUrl = "javascript:alert(1)";

    private static PolicyDocument Build(Func<string, string> text)
    {
        LocalizedText T(string ja, string en) => L(text(ja), text(en));

        return new PolicyDocument
        {
            Version = "2024-07-01",
            Established = new DateOnly(2005, 4, 1),
            EffectiveFrom = new DateOnly(2024, 7, 1),
            Revisions =
            [
                new Revision { Date = new DateOnly(2005, 4, 1), Summary = T("制定", "Established") },
                new Revision { Date = new DateOnly(2024, 7, 1), Summary = T("外部送信の追加", "External transmission added") },
            ],
            Title = T("個人情報保護方針", "Privacy policy"),
            Preamble = T("法律に基づき公表します。", "We publish the following under the law."),
            Controller = new Controller
            {
                Name = T("テスト保険株式会社", "Test Insurance Co., Ltd."),
                Address = new PostalAddress { PostalCode = "100-0001", Text = T("東京都千代田区1-1", "1-1 Chiyoda, Tokyo") },
                Representative = new Person { Title = T("代表取締役", "President"), Name = T("山田 太郎", "Taro Yamada") },
                PrivacyOfficer = T("情報セキュリティ室長", "Head of Information Security"),
                ContactWindow = new ContactWindow
                {
                    Name = T("個人情報窓口", "Privacy desk"),
                    Address = new PostalAddress { PostalCode = "100-0002", Text = T("東京都千代田区1-2 9F", "9F, 1-2 Chiyoda, Tokyo") },
                    FormPath = "/privacy/inquiry",
                    AcceptsVisits = false,
                },
            },
            AcquisitionChannels =
            [
                new AcquisitionChannel
                {
                    Id = "direct", Ref = "2(1)", Label = T("本人から直接取得", "Directly from you"),
                    Note = T("通話を録音することがあります。", "We may record calls."),
                },
                new AcquisitionChannel { Id = "automatic", Ref = "2(2)", Label = T("自動的に記録", "Recorded automatically") },
            ],
            InformativeData = new InformativeData
            {
                Definition = T("インフォマティブデータとは…", "Informative data means…"),
                LinkingPurposes = [new Labelled { Id = "security", Label = T("セキュリティの向上", "Improving security") }],
                LinkingStatement = T("この場合、個人情報として取り扱います。", "We then handle it as personal information."),
                Kinds =
                [
                    new InformativeKind { Id = "device_id", Number = 1, Category = "device.id", Label = T("端末ID", "Device ID") },
                    new InformativeKind { Id = "ip_address", Number = 2, Category = "net.ip", Label = T("IPアドレス", "IP address") },
                ],
            },
            Cookies = new Cookies
            {
                Definition = T("クッキー等とは…", "Cookies etc. are…"),
                Mechanisms = [new Labelled { Id = "cookie", Label = T("クッキー", "Cookies") }],
                Categories =
                [
                    new CookieCategory { Id = "necessary", Number = 1, Mode = ConsentMode.Necessary, Label = T("必須のクッキー", "Necessary cookies"), Description = T("無効にできません。", "Cannot be switched off.") },
                    new CookieCategory { Id = "analytics", Number = 2, Mode = ConsentMode.OptOut, Label = T("分析のクッキー", "Analytics cookies"), Description = T("利用状況の把握", "Understanding use") },
                    new CookieCategory { Id = "targeting", Number = 3, Mode = ConsentMode.OptIn, Label = T("広告のクッキー", "Targeting cookies"), Description = T("広告配信", "Ad delivery") },
                ],
                ThirdPartyStatement = T("第三者のクッキーは第三者が管理します。", "Third parties manage their cookies."),
                Dmp = new Dmp { Used = true, Statement = T("DMPに蓄積します。", "We store cookies in a DMP."), OptOutUrl = "/privacy/opt-out" },
                Tags =
                [
                    new Tag
                    {
                        Id = "own_id", Name = T("端末IDクッキー", "Device ID cookie"), Party = Party.First,
                        Category = "necessary", ItemsSent = ["device_id"], Purposes = ["web"], Retention = T("13か月", "13 months"),
                    },
                    new Tag
                    {
                        Id = "ads", Name = T("広告タグ", "Ad tag"), Party = Party.Third, Provider = "adco",
                        Category = "targeting", ItemsSent = ["device_id", "ip_address"], Purposes = ["ads"],
                        Retention = T("90日", "90 days"), Dmp = true,
                        OptOutUrl = "https://ads.example.com/optout", PrivacyPolicyUrl = "https://ads.example.com/privacy",
                        Note = T("例示です。", "Illustrative."),
                    },
                ],
            },
            DeviceIdentifiers = new DeviceIdentifiers
            {
                Statement = T("端末識別子を取得します。", "We obtain device identifiers."),
                Platforms = ["ios", "android"],
                AdIdentifiers = [new Labelled { Id = "idfa", Label = T("IDFA", "IDFA") }],
                Purposes = ["web", "ads"],
                AdIdentifierPurposes = ["ads"],
                OptOut = T("端末の設定から停止できます。", "Stop it in your device settings."),
            },
            Location = new LocationData
            {
                ConsentRequired = true,
                Statement = T("GPSで位置情報を取得します。", "We obtain GPS location."),
                Purposes = ["web"],
                OptOut = T("設定から停止できます。", "Stop it in settings."),
            },
            SubjectKinds =
            [
                new SubjectKind { Id = "customer", Ref = "4(1)", Label = T("お客様", "Customers") },
                new SubjectKind { Id = "employee", Ref = "4(2)", Label = T("従業者", "Staff"), Includes = T("退職者を含む", "including former staff") },
            ],
            PurposesStatement = T("次の目的で利用します。", "We use it for these purposes."),
            Purposes =
            [
                new Purpose { Id = "agency", Ref = "4(1)①", SubjectKinds = ["customer"], Label = T("保険募集", "Insurance solicitation"), Categories = ["contact.name", "health.history"] },
                new Purpose { Id = "agency.id_check", Ref = "4(1)①-1", Parent = "agency", SubjectKinds = ["customer"], Label = T("本人確認", "Identity checks"), Categories = ["contact.name"] },
                new Purpose { Id = "web", Ref = "4(1)②", SubjectKinds = ["customer"], Label = T("サイト運営", "Running our sites"), Categories = ["device.id"], UsesAnalysis = true },
                new Purpose { Id = "ads", Ref = "4(1)③", SubjectKinds = ["customer"], Label = T("広告配信", "Ad delivery"), Categories = ["device.id", "net.ip"], UsesAnalysis = true, IsProvision = true },
                new Purpose { Id = "hr", Ref = "4(2)①", SubjectKinds = ["employee"], Label = T("人事管理", "HR management"), Categories = ["contact.name", "union"] },
            ],
            AnalysisNote = T("※分析結果を利用します。", "* We may use analysis results."),
            DataCategories =
            [
                new DataCategory { Id = "contact.name", Label = T("氏名", "Name") },
                new DataCategory { Id = "health.history", Label = T("病歴", "Medical history"), Sensitivity = Sensitivity.SpecialCare },
                new DataCategory { Id = "union", Label = T("労働組合への加盟", "Trade-union membership"), Sensitivity = Sensitivity.Kibi },
                new DataCategory { Id = "device.id", Label = T("端末識別子", "Device identifier"), Informative = true },
                new DataCategory { Id = "net.ip", Label = T("IPアドレス（項目）", "IP address (item)"), Informative = true },
            ],
            ThirdParty = new ThirdPartyProvision
            {
                Statement = T("第三者に提供することがあります。", "We may provide it to third parties."),
                RecipientKinds = ["group_company", "ad_distributor"],
                Purposes = ["ads"],
                LinkingStatement = T("照合が想定される場合は適切に対応します。", "Where linking is expected we act properly."),
                CoSolicitation = new CoSolicitation
                {
                    Statement = T("共同募集人に提供します。", "We provide it to co-solicitors."),
                    Purpose = T("募集のため", "For solicitation"),
                    Items = ["contact.name"],
                    ItemsText = T("氏名・相談内容等", "Name, consultation and the like"),
                    Means = T("電話・郵送", "Telephone and post"),
                    RecipientIndustry = T("共同募集人", "Co-solicitors"),
                    Contract = T("機密保持契約", "Confidentiality agreement"),
                    ListPath = "/privacy/co-solicitors",
                },
                ExceptionsStatement = T("次の場合を除き同意なく提供しません。", "We never provide it without consent except:"),
                Exceptions =
                [
                    new Labelled { Id = "law", Label = T("法令に基づく場合", "As required by law") },
                    new Labelled { Id = "life", Label = T("生命の保護", "To protect life") },
                ],
            },
            Recipients =
            [
                new Recipient
                {
                    Id = "group", Kind = "group_company", Name = T("テストグループ株式会社", "Test Group Inc."),
                    Address = new PostalAddress { PostalCode = "150-0001", Text = T("東京都渋谷区1-1", "1-1 Shibuya, Tokyo") },
                    Representative = new Person { Title = T("代表取締役", "CEO"), Name = T("佐藤 花子", "Hanako Sato") },
                    Country = "JP", Relationship = T("親会社", "Parent company"), Contract = T("共同利用契約", "Joint use agreement"),
                    Url = "https://group.example.com/company", Note = T("会社概要に掲載", "Published on its profile page"),
                },
                new Recipient { Id = "adco", Kind = "ad_distributor", Name = T("アドコ社", "AdCo LLC"), Country = "US" },
                new Recipient { Id = "callcentre", Kind = "contractor", Name = T("コールセンター委託先", "Call centre contractor"), Country = "JP", Contract = T("委託契約", "Outsourcing contract") },
            ],
            JointUse = new JointUse
            {
                Statement = T("グループ会社と共同利用します。", "We use it jointly with our group."),
                Items = ["device.id"],
                Users = ["group"],
                Purposes = ["ads"],
                ResponsibleParty = "group",
            },
            Outsourcing = new Outsourcing { Statement = T("業務を委託することがあります。", "We may outsource work."), Contractors = ["callcentre"] },
            SensitiveData = new SensitiveData
            {
                Statement = T("機微情報は次の場合を除き取得しません。", "We do not obtain sensitive information except:"),
                Grounds =
                [
                    new SensitiveGround { Id = "law", Number = 1, Label = T("法令等に基づく場合", "As required by law"), ProvisionWithoutWrittenConsent = true },
                    new SensitiveGround { Id = "insurance", Number = 7, Label = T("保険業の適切な業務運営", "Proper insurance business"), RequiresConsent = true },
                ],
            },
            Requests = new RequestProcedure
            {
                Statement = T("申請書を郵送してください。", "Send the form by post."),
                Kinds =
                [
                    new RequestKind { Id = "disclosure", Label = T("開示", "Disclosure"), Fee = true },
                    new RequestKind { Id = "correction", Label = T("訂正", "Correction") },
                ],
                MailTo = new PostalAddress { PostalCode = "100-0003", Text = T("東京都千代田区1-3", "1-3 Chiyoda, Tokyo") },
                OnlineForm = true,
                DueDays = 14,
                InternalTargetDays = 7,
                Documents =
                [
                    new RequestDocument { Id = "form", Label = T("A. 申請書", "A. Application form"), Note = T("印刷してください。", "Print it."), DownloadPath = "application.pdf" },
                    new RequestDocument { Id = "id", Label = T("B. 本人確認書類", "B. Proof of identity") },
                ],
                AppointedAgentDocuments = [new RequestDocument { Id = "poa", Label = T("委任状", "Power of attorney"), DownloadPath = "/forms/poa.pdf" }],
                LegalAgentDocuments = [new RequestDocument { Id = "family_register", Label = T("戸籍抄本", "Family register extract") }],
                Fee = new Fee { Amount = 1000, Currency = "JPY", Method = T("定額小為替", "Postal money order"), Note = T("郵便局の手数料はご負担ください。", "You pay the post office's charge.") },
                ResponseMethods = [new Labelled { Id = "paper", Label = T("書面", "Paper") }],
                ResponseStatement = T("困難な場合は書面で回答します。", "Where that is hard we answer on paper."),
                UseOfRequestData = T("請求の処理にのみ利用します。", "Used only to handle the request."),
            },
            RefusalStatement = T("次の場合は応じないことがあります。", "We may refuse in these cases."),
            RefusalGrounds = [new RefusalGround { Id = "identity", Label = T("本人確認ができない場合", "Identity not confirmed") }],
            Security = new Security
            {
                PrivacyMark = new PrivacyMark { RegistrationNumber = "21004478", Grantor = T("JIPDEC", "JIPDEC"), Description = T("プライバシーマーク制度は…", "The Privacy Mark system…") },
                Measures =
                [
                    new SecurityMeasure { Id = "basic", Ref = "11(1)", Title = T("基本方針の策定", "Basic policy"), Paragraphs = [T("方針を策定しています。", "We have a policy.")] },
                    new SecurityMeasure { Id = "technical", Ref = "11(2)", Title = T("技術的安全管理措置", "Technical measures"), Paragraphs = [T("暗号化しています。", "We encrypt."), T("アクセスを記録しています。", "We log access.")] },
                ],
                ExternalEnvironment = new ExternalEnvironment
                {
                    Statement = T("原則として国内で取り扱います。", "As a rule we handle data in Japan."),
                    Locations =
                    [
                        new StorageLocation { Id = "jp", Country = "JP", Description = T("国内データセンター", "Data centre in Japan"), Regime = T("個人情報保護法", "APPI") },
                        new StorageLocation { Id = "cloud", Country = "unknown", Description = T("クラウド", "Cloud"), Regime = T("特定できません", "Cannot be named") },
                    ],
                },
            },
            Inquiries = new InquiryDesk { Statement = T("フォームからご連絡ください。", "Please use the form.") },
            Voluntariness = T("提供は任意です。", "Providing it is voluntary."),
            Scope = new Scope
            {
                Statement = T("全てのサービスに適用します。", "This applies to all services."),
                Services =
                [
                    new Service { Id = "web", Name = T("ウェブサイト", "Website"), Kind = "web", Url = "https://www.example.com/" },
                    new Service
                    {
                        Id = "app", Name = T("アプリ", "App"), Kind = "ios_app",
                        TermsOverride = new TermsOverride { Terms = T("アプリ利用規約", "App terms"), Sections = ["3(4)"], Note = T("位置情報は規約が優先します。", "For location the terms prevail.") },
                    },
                ],
            },
            AccreditedBody = new AccreditedBody
            {
                Name = T("一般財団法人日本情報経済社会推進協会", "JIPDEC"),
                Office = T("認定個人情報保護団体事務局", "Accredited body office"),
                Address = new PostalAddress { PostalCode = "106-0032", Text = T("東京都港区六本木1-9-9", "1-9-9 Roppongi, Minato-ku, Tokyo") },
                Phones = ["03-5860-7565", "0120-700-779"],
                Statement = T("当社はPマークの使用許諾事業者です。", "We are licensed to use the P Mark."),
            },
        };
    }
}

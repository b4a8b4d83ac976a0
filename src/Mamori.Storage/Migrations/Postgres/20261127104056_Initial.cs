using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mamori.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audience_exports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ExportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecipientAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecipientRepresentative = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Segment = table.Column<string>(type: "character varying(2148)", maxLength: 2148, nullable: false),
                    Items = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    RecipientLinks = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentMethod = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audience_exports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    DeviceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Categories = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "consent_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectKind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Category = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Given = table.Column<bool>(type: "boolean", nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PolicyVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NoticeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceiptId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LinkedFrom = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "device_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UnlinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UnlinkedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_links", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DiscoveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AwarenessDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DiscoveredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Cause = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Categories = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PersonsAffected = table.Column<int>(type: "integer", nullable: false),
                    Malicious = table.Column<bool>(type: "boolean", nullable: false),
                    StronglyEncrypted = table.Column<bool>(type: "boolean", nullable: false),
                    KeyLeaked = table.Column<bool>(type: "boolean", nullable: false),
                    ContractorInvolved = table.Column<bool>(type: "boolean", nullable: false),
                    ContractorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Suspected = table.Column<bool>(type: "boolean", nullable: false),
                    FinancialDamageRisk = table.Column<bool>(type: "boolean", nullable: false),
                    FinancialSector = table.Column<bool>(type: "boolean", nullable: false),
                    SecondaryDamage = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MeasuresForPersons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Publication = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PreventionMeasures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Other = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inquiries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Lang = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedTo = table.Column<Guid>(type: "uuid", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SealedName = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedContact = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedMessage = table.Column<byte[]>(type: "bytea", nullable: false),
                    SealedAnswer = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inquiries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PolicyRecipientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NameJa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Representative = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Country = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Contract = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Relationship = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Listed = table.Column<bool>(type: "boolean", nullable: false),
                    EntrustedWork = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EntrustedItems = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EvaluationIntervalMonths = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_parties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_keys",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    MasterKeyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nonce = table.Column<byte[]>(type: "bytea", maxLength: 12, nullable: false),
                    Ciphertext = table.Column<byte[]>(type: "bytea", maxLength: 48, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WrappedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_keys", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "person_lookups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_lookups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UseSuspended = table.Column<bool>(type: "boolean", nullable: false),
                    ProvisionSuspended = table.Column<bool>(type: "boolean", nullable: false),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "policy_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Yaml = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policy_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "provision_consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecipientKind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Purposes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CrossBorderCountry = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CrossBorderRegime = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecipientMeasures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PolicyVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LedgerReceiptId = table.Column<Guid>(type: "uuid", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provision_consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "provision_purges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PurgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    RecordIds = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provision_purges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "provision_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PartyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PartyAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PartyRepresentative = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PartyAcquisition = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Country = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Items = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Basis = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ConsentObtained = table.Column<bool>(type: "boolean", nullable: false),
                    OptOutDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentSource = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ConsentReference = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CrossBorderInformed = table.Column<bool>(type: "boolean", nullable: false),
                    Batch = table.Column<bool>(type: "boolean", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    FirstAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContractReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    KeepUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provision_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "request_cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AgentType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ResponseMethod = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TargetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    MatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MatchedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FeeRequired = table.Column<bool>(type: "boolean", nullable: false),
                    FeeAmount = table.Column<int>(type: "integer", nullable: false),
                    FeeReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FeeReceivedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FulfilledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FulfilledBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RefusalGround = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AnsweredMethod = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DownloadTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DownloadPassword = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: true),
                    DownloadExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DownloadFailures = table.Column<int>(type: "integer", nullable: false),
                    DownloadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Payload = table.Column<byte[]>(type: "bytea", nullable: false),
                    Result = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shredded_keys",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ShreddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shredded_keys", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "signal_batches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Site = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BatchId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PostedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FirstSignalId = table.Column<long>(type: "bigint", nullable: true),
                    LastSignalId = table.Column<long>(type: "bigint", nullable: true),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signal_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signal_device_ranges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeviceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FirstSignalId = table.Column<long>(type: "bigint", nullable: false),
                    LastSignalId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signal_device_ranges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeviceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Referrer = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Os = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Connection = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Ip = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    LocationAccuracy = table.Column<double>(type: "double precision", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    AdId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LogLine = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    Sealed = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProtectedTotpSecret = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TotpEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LastTotpStep = table.Column<long>(type: "bigint", nullable: false),
                    FailedSignIns = table.Column<int>(type: "integer", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SecurityStamp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incident_persons",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incident_persons", x => new { x.IncidentId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_incident_persons_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contractor_evaluations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    EvaluatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Result = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contractor_evaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contractor_evaluations_parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "person_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ciphertext = table.Column<byte[]>(type: "bytea", nullable: false),
                    channel = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    acquired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    policy_version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    notified_purposes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    sensitive_ground = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    written_consent = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_person_items_persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_checks",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_checks", x => new { x.RequestId, x.DocumentId });
                    table.ForeignKey(
                        name: "FK_request_checks_request_cases_RequestId",
                        column: x => x.RequestId,
                        principalTable: "request_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContentType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Size = table.Column<int>(type: "integer", nullable: false),
                    Ciphertext = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_request_documents_request_cases_RequestId",
                        column: x => x.RequestId,
                        principalTable: "request_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "request_transitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_transitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_request_transitions_request_cases_RequestId",
                        column: x => x.RequestId,
                        principalTable: "request_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_Prefix",
                table: "api_keys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audience_exports_ExportedAt",
                table: "audience_exports",
                column: "ExportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_audience_exports_Recipient",
                table: "audience_exports",
                column: "Recipient");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Actor",
                table: "audit_entries",
                column: "Actor");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_OccurredAt",
                table: "audit_entries",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_PersonId",
                table: "audit_entries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_consent_records_ReceiptId",
                table: "consent_records",
                column: "ReceiptId");

            migrationBuilder.CreateIndex(
                name: "IX_consent_records_SubjectKind_SubjectId_Category_Id",
                table: "consent_records",
                columns: new[] { "SubjectKind", "SubjectId", "Category", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_contractor_evaluations_PartyId_EvaluatedOn",
                table: "contractor_evaluations",
                columns: new[] { "PartyId", "EvaluatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_device_links_DeviceId",
                table: "device_links",
                column: "DeviceId",
                unique: true,
                filter: "\"UnlinkedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_device_links_PersonId",
                table: "device_links",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_incident_persons_PersonId",
                table: "incident_persons",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_incidents_AwarenessDate",
                table: "incidents",
                column: "AwarenessDate");

            migrationBuilder.CreateIndex(
                name: "IX_inquiries_Reference",
                table: "inquiries",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inquiries_Status_ReceivedAt",
                table: "inquiries",
                columns: new[] { "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_parties_Code",
                table: "parties",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_parties_Kind",
                table: "parties",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_person_items_PersonId_Category",
                table: "person_items",
                columns: new[] { "PersonId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_person_keys_MasterKeyId",
                table: "person_keys",
                column: "MasterKeyId");

            migrationBuilder.CreateIndex(
                name: "IX_person_lookups_Kind_Hash",
                table: "person_lookups",
                columns: new[] { "Kind", "Hash" });

            migrationBuilder.CreateIndex(
                name: "IX_person_lookups_PersonId",
                table: "person_lookups",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_policy_versions_ContentHash",
                table: "policy_versions",
                column: "ContentHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_policy_versions_Version",
                table: "policy_versions",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_provision_consents_PersonId",
                table: "provision_consents",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_provision_records_KeepUntil",
                table: "provision_records",
                column: "KeepUntil");

            migrationBuilder.CreateIndex(
                name: "IX_provision_records_Kind_RecipientId_PersonId_Batch",
                table: "provision_records",
                columns: new[] { "Kind", "RecipientId", "PersonId", "Batch" });

            migrationBuilder.CreateIndex(
                name: "IX_provision_records_PersonId",
                table: "provision_records",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_request_cases_DownloadTokenHash",
                table: "request_cases",
                column: "DownloadTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_request_cases_PersonId",
                table: "request_cases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_request_cases_Status_DueAt",
                table: "request_cases",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_request_documents_RequestId",
                table: "request_documents",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_request_transitions_RequestId",
                table: "request_transitions",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_signal_batches_ReceivedAt",
                table: "signal_batches",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_signal_batches_Site_BatchId",
                table: "signal_batches",
                columns: new[] { "Site", "BatchId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_signal_device_ranges_DeviceId_FirstSignalId",
                table: "signal_device_ranges",
                columns: new[] { "DeviceId", "FirstSignalId" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_users_UserName",
                table: "staff_users",
                column: "UserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audience_exports");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "consent_records");

            migrationBuilder.DropTable(
                name: "contractor_evaluations");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "device_links");

            migrationBuilder.DropTable(
                name: "incident_persons");

            migrationBuilder.DropTable(
                name: "inquiries");

            migrationBuilder.DropTable(
                name: "person_items");

            migrationBuilder.DropTable(
                name: "person_keys");

            migrationBuilder.DropTable(
                name: "person_lookups");

            migrationBuilder.DropTable(
                name: "policy_versions");

            migrationBuilder.DropTable(
                name: "provision_consents");

            migrationBuilder.DropTable(
                name: "provision_purges");

            migrationBuilder.DropTable(
                name: "provision_records");

            migrationBuilder.DropTable(
                name: "request_checks");

            migrationBuilder.DropTable(
                name: "request_documents");

            migrationBuilder.DropTable(
                name: "request_transitions");

            migrationBuilder.DropTable(
                name: "shredded_keys");

            migrationBuilder.DropTable(
                name: "signal_batches");

            migrationBuilder.DropTable(
                name: "signal_device_ranges");

            migrationBuilder.DropTable(
                name: "signals");

            migrationBuilder.DropTable(
                name: "staff_users");

            migrationBuilder.DropTable(
                name: "parties");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "persons");

            migrationBuilder.DropTable(
                name: "request_cases");
        }
    }
}

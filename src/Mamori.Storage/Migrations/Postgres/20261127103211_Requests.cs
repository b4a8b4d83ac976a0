using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mamori.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Requests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "request_checks");

            migrationBuilder.DropTable(
                name: "request_documents");

            migrationBuilder.DropTable(
                name: "request_transitions");

            migrationBuilder.DropTable(
                name: "request_cases");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Storage.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgentType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResponseMethod = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TargetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MatchedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MatchedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FeeRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeeAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeReceivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeeReceivedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FulfilledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FulfilledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RefusalGround = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AnsweredMethod = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DownloadTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DownloadPassword = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: true),
                    DownloadExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DownloadFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    DownloadedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Result = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "request_checks",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Ciphertext = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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

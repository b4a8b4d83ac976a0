using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Provision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "provision_consents");

            migrationBuilder.DropTable(
                name: "provision_purges");

            migrationBuilder.DropTable(
                name: "provision_records");
        }
    }
}

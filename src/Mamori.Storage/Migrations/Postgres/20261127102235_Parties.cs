using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Parties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_contractor_evaluations_PartyId_EvaluatedOn",
                table: "contractor_evaluations",
                columns: new[] { "PartyId", "EvaluatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_parties_Code",
                table: "parties",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_parties_Kind",
                table: "parties",
                column: "Kind");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contractor_evaluations");

            migrationBuilder.DropTable(
                name: "parties");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DiscoveredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AwarenessDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DiscoveredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PersonsAffected = table.Column<int>(type: "INTEGER", nullable: false),
                    Malicious = table.Column<bool>(type: "INTEGER", nullable: false),
                    StronglyEncrypted = table.Column<bool>(type: "INTEGER", nullable: false),
                    KeyLeaked = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContractorInvolved = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContractorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Suspected = table.Column<bool>(type: "INTEGER", nullable: false),
                    FinancialDamageRisk = table.Column<bool>(type: "INTEGER", nullable: false),
                    FinancialSector = table.Column<bool>(type: "INTEGER", nullable: false),
                    SecondaryDamage = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MeasuresForPersons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Publication = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PreventionMeasures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Other = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incident_persons",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_incident_persons_PersonId",
                table: "incident_persons",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_incidents_AwarenessDate",
                table: "incidents",
                column: "AwarenessDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incident_persons");

            migrationBuilder.DropTable(
                name: "incidents");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProgrammeStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "anonymised_datasets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NameJa = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Items = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProcessingJa = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProcessingEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProvisionJa = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProvisionEn = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anonymised_datasets", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "anonymised_datasets");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Storage.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameJa = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProcessingJa = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProcessingEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProvisionJa = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProvisionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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

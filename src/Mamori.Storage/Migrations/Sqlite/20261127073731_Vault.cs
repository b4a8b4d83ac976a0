using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Vault : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "person_lookups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_lookups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UseSuspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProvisionSuspended = table.Column<bool>(type: "INTEGER", nullable: false),
                    ErasedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_persons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Ciphertext = table.Column<byte[]>(type: "BLOB", nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    acquired_at = table.Column<long>(type: "INTEGER", nullable: false),
                    policy_version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    notified_purposes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    sensitive_ground = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    written_consent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_person_items_PersonId_Category",
                table: "person_items",
                columns: new[] { "PersonId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_person_lookups_Kind_Hash",
                table: "person_lookups",
                columns: new[] { "Kind", "Hash" });

            migrationBuilder.CreateIndex(
                name: "IX_person_lookups_PersonId",
                table: "person_lookups",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "person_items");

            migrationBuilder.DropTable(
                name: "person_lookups");

            migrationBuilder.DropTable(
                name: "persons");
        }
    }
}

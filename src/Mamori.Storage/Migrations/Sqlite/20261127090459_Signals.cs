using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Signals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audience_exports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecipientRepresentative = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 2148, nullable: false),
                    Items = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientLinks = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentMethod = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audience_exports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "device_links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnlinkedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UnlinkedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_links", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signal_batches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Site = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BatchId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PostedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstSignalId = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSignalId = table.Column<long>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signal_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signal_device_ranges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstSignalId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSignalId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signal_device_ranges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeviceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Referrer = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Os = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Connection = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    LocationAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    AdId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LogLine = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audience_exports_ExportedAt",
                table: "audience_exports",
                column: "ExportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_audience_exports_Recipient",
                table: "audience_exports",
                column: "Recipient");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audience_exports");

            migrationBuilder.DropTable(
                name: "device_links");

            migrationBuilder.DropTable(
                name: "signal_batches");

            migrationBuilder.DropTable(
                name: "signal_device_ranges");

            migrationBuilder.DropTable(
                name: "signals");
        }
    }
}

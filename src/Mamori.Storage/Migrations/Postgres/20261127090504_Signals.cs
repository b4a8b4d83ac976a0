using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mamori.Storage.Migrations.Postgres
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
                    LogLine = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true)
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

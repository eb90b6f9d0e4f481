using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RelationshipHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Competitor",
                table: "Interactions",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsConfirmed",
                table: "Interactions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CustomerHealth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Band = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Factors = table.Column<string>(type: "text", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ValueAtRisk = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    RiskRank = table.Column<long>(type: "bigint", nullable: false),
                    AccountOwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    NeedsConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NeedsConfirmedNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LastAskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerHealth", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerHealth_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CustomerHealthDays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerHealthDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerHealthDays_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HealthSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Weights = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DefaultAccountOwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Triggers = table.Column<string>(type: "text", nullable: false),
                    LoyalOnly = table.Column<bool>(type: "boolean", nullable: false),
                    MinRevenue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DueWithinDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHealth_BusinessId",
                table: "CustomerHealth",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHealth_BusinessId_Band_RiskRank",
                table: "CustomerHealth",
                columns: new[] { "BusinessId", "Band", "RiskRank" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHealth_BusinessId_CustomerId",
                table: "CustomerHealth",
                columns: new[] { "BusinessId", "CustomerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHealth_CustomerId",
                table: "CustomerHealth",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHealthDays_BusinessId",
                table: "CustomerHealthDays",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHealthDays_BusinessId_CustomerId_Date",
                table: "CustomerHealthDays",
                columns: new[] { "BusinessId", "CustomerId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHealthDays_BusinessId_Date",
                table: "CustomerHealthDays",
                columns: new[] { "BusinessId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerHealthDays_CustomerId",
                table: "CustomerHealthDays",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthSettings_BusinessId",
                table: "HealthSettings",
                column: "BusinessId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CustomerHealth");

            migrationBuilder.DropTable(
                name: "CustomerHealthDays");

            migrationBuilder.DropTable(
                name: "HealthSettings");

            migrationBuilder.DropColumn(
                name: "Competitor",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "NeedsConfirmed",
                table: "Interactions");
        }
    }
}

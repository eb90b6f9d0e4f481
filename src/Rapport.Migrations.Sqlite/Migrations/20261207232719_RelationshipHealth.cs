using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsConfirmed",
                table: "Interactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CustomerHealth",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Factors = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ValueAtRisk = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    RiskRank = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountOwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NeedsConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NeedsConfirmedNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastAskedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Weights = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DefaultAccountOwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Triggers = table.Column<string>(type: "TEXT", nullable: false),
                    LoyalOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinRevenue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DueWithinDays = table.Column<int>(type: "INTEGER", nullable: false)
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

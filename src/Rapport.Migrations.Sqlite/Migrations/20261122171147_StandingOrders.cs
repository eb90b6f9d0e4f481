using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StandingOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StandingOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Weekday = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    DayOfMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    OccasionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProductId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Budget = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    PaymentMethodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreferredStart = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    DaysAhead = table.Column<int>(type: "INTEGER", nullable: false),
                    TakeFirstAlternative = table.Column<bool>(type: "INTEGER", nullable: false),
                    CardMessage = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StoppedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandingOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandingOrders_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StandingOrders_Occasions_OccasionId",
                        column: x => x.OccasionId,
                        principalTable: "Occasions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_StandingOrders_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StandingOrders_Recipients_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "Recipients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "StandingOrderRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StandingOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandingOrderRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandingOrderRuns_StandingOrders_StandingOrderId",
                        column: x => x.StandingOrderId,
                        principalTable: "StandingOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StandingOrderRuns_BusinessId",
                table: "StandingOrderRuns",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_StandingOrderRuns_StandingOrderId_Date",
                table: "StandingOrderRuns",
                columns: new[] { "StandingOrderId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StandingOrders_BusinessId",
                table: "StandingOrders",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_StandingOrders_BusinessId_Active",
                table: "StandingOrders",
                columns: new[] { "BusinessId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_StandingOrders_CustomerId",
                table: "StandingOrders",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_StandingOrders_OccasionId",
                table: "StandingOrders",
                column: "OccasionId");

            migrationBuilder.CreateIndex(
                name: "IX_StandingOrders_ProductId",
                table: "StandingOrders",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_StandingOrders_RecipientId",
                table: "StandingOrders",
                column: "RecipientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StandingOrderRuns");

            migrationBuilder.DropTable(
                name: "StandingOrders");
        }
    }
}

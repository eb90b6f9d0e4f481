using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Concessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Concessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ListValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GrantedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Concessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Concessions_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Concessions_Deals_DealId",
                        column: x => x.DealId,
                        principalTable: "Deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Concessions_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConcessionSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ManagerLimit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    SalesLimit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    ServiceLimit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConcessionSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Concessions_BusinessId",
                table: "Concessions",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_Concessions_BusinessId_CustomerId_GrantedAt",
                table: "Concessions",
                columns: new[] { "BusinessId", "CustomerId", "GrantedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Concessions_BusinessId_GrantedAt",
                table: "Concessions",
                columns: new[] { "BusinessId", "GrantedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Concessions_BusinessId_Status_GrantedAt",
                table: "Concessions",
                columns: new[] { "BusinessId", "Status", "GrantedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Concessions_CustomerId",
                table: "Concessions",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_Concessions_DealId",
                table: "Concessions",
                column: "DealId");

            migrationBuilder.CreateIndex(
                name: "IX_Concessions_OrderId",
                table: "Concessions",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_ConcessionSettings_BusinessId",
                table: "ConcessionSettings",
                column: "BusinessId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Concessions");

            migrationBuilder.DropTable(
                name: "ConcessionSettings");
        }
    }
}

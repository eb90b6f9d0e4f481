using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BusinessTouchRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrderId",
                table: "StaffTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BusinessTouchRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BusinessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StoppedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessTouchRules", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StaffTasks_OrderId",
                table: "StaffTasks",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessTouchRules_BusinessId",
                table: "BusinessTouchRules",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_BusinessTouchRules_BusinessId_Active_Trigger",
                table: "BusinessTouchRules",
                columns: new[] { "BusinessId", "Active", "Trigger" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BusinessTouchRules");

            migrationBuilder.DropIndex(
                name: "IX_StaffTasks_OrderId",
                table: "StaffTasks");

            migrationBuilder.DropColumn(
                name: "OrderId",
                table: "StaffTasks");
        }
    }
}

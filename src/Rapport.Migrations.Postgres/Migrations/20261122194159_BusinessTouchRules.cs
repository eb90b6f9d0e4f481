using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BusinessTouchRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StoppedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

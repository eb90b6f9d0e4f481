using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DealBoardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Deals_BusinessId_PlaybookId_OwnerId_Stage_Id",
                table: "Deals",
                columns: new[] { "BusinessId", "PlaybookId", "OwnerId", "Stage", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Deals_BusinessId_PlaybookId_Stage_Id",
                table: "Deals",
                columns: new[] { "BusinessId", "PlaybookId", "Stage", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Deals_BusinessId_PlaybookId_OwnerId_Stage_Id",
                table: "Deals");

            migrationBuilder.DropIndex(
                name: "IX_Deals_BusinessId_PlaybookId_Stage_Id",
                table: "Deals");
        }
    }
}

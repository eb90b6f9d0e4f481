using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// PostgreSQL gets a trigram index for name search here; SQLite has no index type that serves
    /// <c>LIKE '%fragment%'</c>, so this migration is empty and keeps the two lists in step.
    /// </summary>
    public partial class CustomerSearchNameTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}

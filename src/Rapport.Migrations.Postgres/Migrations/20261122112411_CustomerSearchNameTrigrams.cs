using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rapport.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Search by any part of a name is <c>"SearchName" LIKE '%fragment%'</c>, which no B-tree can serve: PostgreSQL read
    /// every customer of the business (46 ms at 100,000 customers). A trigram GIN index answers it from the index.
    /// The planner still walks the name index in order instead when it expects many matches, and it judges that
    /// from the column's histogram: at the default 100 entries a fragment found in one of them counts as 1% of all
    /// customers, so a surname that 21 customers share was read by walking 90% of the name index (119 ms). A
    /// finer histogram (1,000 entries) brings such estimates within a few times of the truth.
    /// </summary>
    public partial class CustomerSearchNameTrigrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_Customers_SearchName_Trigrams" ON "Customers" USING gin ("SearchName" gin_trgm_ops);""");
            migrationBuilder.Sql("""ALTER TABLE "Customers" ALTER COLUMN "SearchName" SET STATISTICS 1000;""");
            migrationBuilder.Sql("""ANALYZE "Customers";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Customers" ALTER COLUMN "SearchName" SET STATISTICS -1;""");
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Customers_SearchName_Trigrams";""");
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rapport.Core.Data;

namespace Rapport.Migrations.Sqlite;

/// <summary>Lets dotnet-ef build the model for this provider; no database is opened to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RapportDb>
{
    public RapportDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RapportDb>().UseRapportDatabase(DatabaseProvider.Sqlite, "Data Source=design-time.db").Options, new Tenant());
}

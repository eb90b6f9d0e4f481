using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rapport.Core.Data;

namespace Rapport.Migrations.Postgres;

/// <summary>Lets dotnet-ef build the model for this provider; no database is opened to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RapportDb>
{
    public RapportDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RapportDb>().UseRapportDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=rapport_design;Username=postgres").Options, new Tenant());
}

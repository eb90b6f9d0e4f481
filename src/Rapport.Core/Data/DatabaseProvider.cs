using Microsoft.EntityFrameworkCore;

namespace Rapport.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Rapport.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Rapport.Migrations.Postgres";

    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Unknown database provider '{name}': use sqlite or postgres."),
    };

    public static TBuilder UseRapportDatabase<TBuilder>(
        this TBuilder options, DatabaseProvider provider, string connectionString) where TBuilder : DbContextOptionsBuilder
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString,
            o => o.MigrationsAssembly(SqliteMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString,
            o => o.MigrationsAssembly(PostgresMigrationsAssembly).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        return options;
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Core.Data;

namespace Rapport.Bench;

/// <summary>Where one scenario's generated data lives between runs: a SQLite file, or a PostgreSQL database.</summary>
public sealed class CachedDatabase(BenchOptions options, DatabaseProvider provider, string sqlitePath, string postgresDatabase)
{
    public DatabaseProvider Provider => provider;

    public string ConnectionString { get; } = provider == DatabaseProvider.Sqlite
        ? $"Data Source={sqlitePath}"
        : new NpgsqlConnectionStringBuilder(options.PostgresServer) { Database = postgresDatabase }.ConnectionString;

    public DbConnection Open()
    {
        var c = Connection();
        c.Open();
        return c;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var c = Connection();
        await c.OpenAsync(ct);
        return c;
    }

    private DbConnection Connection() =>
        provider == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

    /// <summary>
    /// True when the database is there, no --regenerate asked for a new one, and <paramref name="holds"/> finds the
    /// expected data set in it; false on any database error (an older schema, say).
    /// </summary>
    public async Task<bool> HoldsAsync(Func<DbConnection, Task<bool>> holds)
    {
        if (options.Regenerate) return false;
        try
        {
            if (!await ExistsAsync()) return false;
            await using var c = Open();
            return await holds(c);
        }
        catch (DbException)
        {
            return false;
        }
    }

    /// <summary>The name of the business with <paramref name="slug"/>, which carries the data set's sizes and seed.</summary>
    public static Task<string?> BusinessNameAsync(DbConnection c, string slug) =>
        ScalarAsync<string>(c, $"SELECT \"Name\" FROM \"Businesses\" WHERE \"Slug\" = '{slug}'");

    public async Task<bool> ExistsAsync()
    {
        if (provider == DatabaseProvider.Sqlite) return File.Exists(sqlitePath);
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        cmd.Parameters.AddWithValue("name", postgresDatabase);
        return await cmd.ExecuteScalarAsync() is not null;
    }

    /// <summary>Removes the database so that the app's migrations start from nothing.</summary>
    public async Task ResetAsync()
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            Directory.CreateDirectory(Path.GetDirectoryName(sqlitePath)!);
            foreach (var f in new[] { "", "-wal", "-shm" }.Select(s => sqlitePath + s)) File.Delete(f);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await ExecAsync(admin, $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)");
        await ExecAsync(admin, $"CREATE DATABASE \"{postgresDatabase}\"");
    }

    private string AdminConnectionString => new NpgsqlConnectionStringBuilder(options.PostgresServer) { Database = "postgres" }.ConnectionString;

    public static async Task ExecAsync(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<T?> ScalarAsync<T>(DbConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}

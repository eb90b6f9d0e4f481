using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Core.Data;

namespace Rapport.Testing;

/// <summary>
/// The database the tests run on, chosen by RAPPORT_TEST_DATABASE (sqlite, the default, or postgres;
/// PostgreSQL at RAPPORT_TEST_POSTGRES). Each test class gets its own copy of a template that was
/// migrated (and seeded with the demo businesses) once per run.
/// </summary>
public static class TestDatabase
{
    public static DatabaseProvider Provider { get; } =
        DatabaseSetup.ParseProvider(Environment.GetEnvironmentVariable("RAPPORT_TEST_DATABASE"));

    public static string PostgresServer { get; } =
        Environment.GetEnvironmentVariable("RAPPORT_TEST_POSTGRES") ?? "Host=localhost;Username=rapport;Password=rapport";

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "rapport-tests", Environment.ProcessId.ToString());
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<bool, string> Templates = [];

    /// <summary>A fresh database of its own, with or without the demo data; returns its connection string.</summary>
    public static async Task<string> CreateAsync(bool demo)
    {
        var template = await TemplateAsync(demo);
        var name = $"rapport_t_{Guid.NewGuid():N}";
        if (Provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Folder, name + ".db");
            File.Copy(template, path);
            return $"Data Source={path}";
        }
        await using (var admin = new NpgsqlConnection(Server("postgres")))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        return Server(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var f in new[] { path, path + "-wal", path + "-shm" }) if (File.Exists(f)) File.Delete(f);
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Server("postgres"));
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<string> TemplateAsync(bool demo)
    {
        await Gate.WaitAsync();
        try
        {
            if (Templates.TryGetValue(demo, out var existing)) return existing;
            Directory.CreateDirectory(Folder);
            var name = $"rapport_tpl_{(demo ? "demo" : "empty")}_{Environment.ProcessId}";
            string connection;
            if (Provider == DatabaseProvider.Sqlite)
            {
                connection = $"Data Source={Path.Combine(Folder, name + ".db")}";
            }
            else
            {
                await using var admin = new NpgsqlConnection(Server("postgres"));
                await admin.OpenAsync();
                await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin)) await drop.ExecuteNonQueryAsync();
                await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin)) await create.ExecuteNonQueryAsync();
                connection = Server(name);
            }
            // Starting Rapport once migrates the template and seeds it.
            await using (var app = new RapportApp(connection, demo))
            {
                app.StartAndMigrate();
            }
            if (Provider == DatabaseProvider.Sqlite)
            {
                // Every class copies the .db file alone, so all of the seeding must be in it, not left in the WAL: the app's
                // pooled connections are closed first, and a checkpoint that could not finish is tried again.
                SqliteConnection.ClearAllPools();
                for (var attempt = 1; ; attempt++)
                {
                    await using var c = new SqliteConnection(connection);
                    await c.OpenAsync();
                    await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", c);
                    await using var result = await checkpoint.ExecuteReaderAsync();
                    if (await result.ReadAsync() && result.GetInt32(0) == 0) break;
                    if (attempt == 20) throw new InvalidOperationException($"The template {name} could not be checkpointed.");
                    await Task.Delay(100);
                }
                SqliteConnection.ClearAllPools();
                Templates[demo] = new SqliteConnectionStringBuilder(connection).DataSource;
            }
            else
            {
                NpgsqlConnection.ClearAllPools();
                Templates[demo] = name;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplate(name);
            }
            return Templates[demo];
        }
        finally
        {
            Gate.Release();
        }
    }

    private static void DropTemplate(string name)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(Server("postgres"));
            admin.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            cmd.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // Best effort at exit: a template left behind is harmless and named after its process.
        }
    }

    // Tests check outcomes, not speed: on a loaded two-core machine a statement queued behind a burst of
    // orders on one window may wait longer than the 30 s default before its turn comes.
    private static string Server(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, Pooling = true, CommandTimeout = 120 }.ConnectionString;
}

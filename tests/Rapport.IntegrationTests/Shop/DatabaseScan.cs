using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Rapport.Testing;
using static Rapport.IntegrationTests.Api;

namespace Rapport.IntegrationTests.Shop;

/// <summary>Looks through every text column of every table, to prove something is stored nowhere.</summary>
internal static class DatabaseScan
{
    /// <summary>"Table.Column" of every column holding the text, on either database.</summary>
    public static Task<List<string>> WhereStoredAsync(this RapportApp app, string text) =>
        app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(Ct);
            var columns = new List<(string Table, string Column)>();
            if (db.Database.IsSqlite())
            {
                foreach (var table in await ReadAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", r => r.GetString(0)))
                    columns.AddRange(await ReadAsync(connection, $"SELECT name FROM pragma_table_info('{table}')", r => (table, r.GetString(0))));
            }
            else
            {
                columns.AddRange(await ReadAsync(connection,
                    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb')",
                    r => (r.GetString(0), r.GetString(1))));
            }

            var found = new List<string>();
            foreach (var (table, column) in columns)
            {
                await using var command = connection.CreateCommand();
                // Names come from the database's own catalogue; the text goes in as a parameter.
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE @text";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@text";
                parameter.Value = $"%{text}%";
                command.Parameters.Add(parameter);
                if (Convert.ToInt64(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) > 0) found.Add($"{table}.{column}");
            }
            await connection.CloseAsync();
            return found;
        });

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(Ct)) rows.Add(read(reader));
        return rows;
    }
}

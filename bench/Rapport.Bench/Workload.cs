using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rapport.Core.Customers;
using Rapport.Core.Data;

namespace Rapport.Bench;

/// <summary>
/// What the clients ask for, sampled from the generated database: phone numbers of random customers (typed in
/// random formats), fragments of random surnames, and the customer with the long timeline.
/// </summary>
public sealed class Workload
{
    public required Guid BusinessId { get; init; }
    public required Guid HeavyCustomerId { get; init; }
    public required int HeavyCount { get; init; }
    public required (string E164, Guid CustomerId)[] Phones { get; init; }
    public required string[] Surnames { get; init; }

    public static async Task<Workload> LoadAsync(BenchDatabase database, int seed)
    {
        await using var c = database.Open();
        var business = await CachedDatabase.ScalarAsync<string>(c, "SELECT CAST(\"Id\" AS TEXT) FROM \"Businesses\" WHERE \"Slug\" = 'bench'")
            ?? throw new InvalidOperationException("The bench business is missing.");
        var (heavy, count) = await HeaviestAsync(c);
        var random = new Random(seed);
        var phones = new List<(string, Guid)>();
        await using (var cmd = Command(c, "SELECT \"Normalized\", \"CustomerId\" FROM \"ContactPoints\" WHERE \"Kind\" = 'Phone' ORDER BY \"Normalized\""))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) phones.Add((r.GetString(0), r.GetGuid(1)));
        var names = new List<string>();
        await using (var cmd = Command(c, "SELECT \"Name\" FROM \"Customers\" WHERE \"Kind\" = 'Person' ORDER BY \"Id\""))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) names.Add(r.GetString(0));
        return new Workload
        {
            BusinessId = Guid.Parse(business),
            HeavyCustomerId = heavy,
            HeavyCount = count,
            Phones = random.GetItems(phones.ToArray(), Math.Min(5_000, phones.Count)),
            Surnames = random.GetItems(names.Select(n => n.Split(' ')[^1]).Where(s => s.Length >= 4).ToArray(), Math.Min(5_000, names.Count)),
        };
    }

    private static async Task<(Guid, int)> HeaviestAsync(DbConnection c)
    {
        await using var cmd = Command(c, "SELECT \"CustomerId\", COUNT(*) FROM \"Interactions\" GROUP BY \"CustomerId\" ORDER BY COUNT(*) DESC LIMIT 1");
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync()) throw new InvalidOperationException("No interactions.");
        return (r.GetGuid(0), Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A random customer's phone number as a person would type it.</summary>
    public (string Query, Guid CustomerId) PhoneQuery(Random r)
    {
        var (e164, customer) = Phones[r.Next(Phones.Length)];
        return (PhoneFormats.Format(PhoneFormats.TenDigits(e164), r.Next(PhoneFormats.Count)), customer);
    }

    /// <summary>Part of a random surname, as typed: "ndstr" of "Lindström", sometimes in capitals or without the accents.</summary>
    public string NameFragment(Random r)
    {
        var surname = Surnames[r.Next(Surnames.Length)];
        var length = Math.Min(surname.Length, r.Next(4, 7));
        var fragment = surname.Substring(r.Next(surname.Length - length + 1), length);
        return r.Next(3) switch { 0 => fragment.ToLowerInvariant(), 1 => SearchText.Normalize(fragment), _ => fragment };
    }

    internal static DbCommand Command(DbConnection c, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd;
    }
}

/// <summary>
/// The three queries as hand-written SQL over ADO.NET: the statements an expert would send for the same answers
/// (same filters as the app's tenancy and soft-delete rules, same ordering and page size, served by the same indexes).
/// </summary>
public sealed class PlainSql(BenchDatabase database, DatabaseProvider provider, Workload workload)
{
    private const string Columns = """
        c."Id", c."Kind", c."Name", c."SearchName", c."CustomerSince", c."LastActivityAt",
        (SELECT p."Value" FROM "ContactPoints" AS p WHERE p."BusinessId" = @business AND p."CustomerId" = c."Id" AND p."Kind" = 'Phone'
         ORDER BY p."IsPrimary" DESC, p."Id" LIMIT 1) AS "Phone",
        (SELECT p."Value" FROM "ContactPoints" AS p WHERE p."BusinessId" = @business AND p."CustomerId" = c."Id" AND p."Kind" = 'Email'
         ORDER BY p."IsPrimary" DESC, p."Id" LIMIT 1) AS "Email"
        """;

    // Driven from the contact index: the few customers with this number, then their names for the order.
    public const string PhoneSearch = $"""
        SELECT {Columns}
        FROM "ContactPoints" AS m
        JOIN "Customers" AS c ON c."Id" = m."CustomerId"
        WHERE m."BusinessId" = @business AND m."Kind" = 'Phone' AND m."Normalized" = @phone
          AND c."BusinessId" = @business AND c."DeletedAt" IS NULL
        ORDER BY c."SearchName", c."Id"
        LIMIT 21
        """;

    public const string NameSearch = $"""
        SELECT {Columns}
        FROM "Customers" AS c
        WHERE c."BusinessId" = @business AND c."DeletedAt" IS NULL AND c."SearchName" LIKE @pattern ESCAPE '\'
        ORDER BY c."SearchName", c."Id"
        LIMIT 21
        """;

    public const string TimelineCustomer = """
        SELECT EXISTS (SELECT 1 FROM "Customers" AS c WHERE c."BusinessId" = @business AND c."DeletedAt" IS NULL AND c."Id" = @customer)
        """;

    public const string TimelinePage = """
        SELECT i."Id", i."BusinessId", i."CustomerId", i."OccurredAt", i."Channel", i."Direction", i."Summary", i."Tone", i."Internal",
               i."StaffId", i."StaffName", i."StaffRole", i."RecordedAt"
        FROM "Interactions" AS i
        WHERE i."BusinessId" = @business AND i."CustomerId" = @customer
        ORDER BY i."OccurredAt" DESC, i."Id" DESC
        LIMIT 26
        """;

    public async Task<List<Guid>> SearchByPhoneAsync(string typed, CancellationToken ct)
    {
        var e164 = PhoneNumber.Normalize(typed, "1") ?? throw new InvalidOperationException($"Not a phone: {typed}");
        await using var c = await OpenAsync(ct);
        await using var cmd = Statement(c, PhoneSearch, ("phone", e164));
        return await ReadCustomersAsync(cmd, ct);
    }

    public async Task<List<Guid>> SearchByNameAsync(string fragment, CancellationToken ct)
    {
        var pattern = "%" + SearchText.EscapeLike(SearchText.Normalize(fragment)) + "%";
        await using var c = await OpenAsync(ct);
        await using var cmd = Statement(c, NameSearch, ("pattern", pattern));
        return await ReadCustomersAsync(cmd, ct);
    }

    /// <summary>The customer check (404 when unseen) and the first page, in one round trip.</summary>
    public async Task<List<Guid>> TimelineAsync(Guid customer, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await using var cmd = Statement(c, TimelineCustomer + ";\n" + TimelinePage, ("customer", customer));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct) || !Convert.ToBoolean(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture))
            throw new InvalidOperationException("Customer not found.");
        await r.NextResultAsync(ct);
        var ids = new List<Guid>();
        while (await r.ReadAsync(ct))
        {
            ids.Add(r.GetGuid(0));
            _ = (r.GetGuid(1), r.GetGuid(2), r.GetDateTime(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetBoolean(8),
                r.IsDBNull(9) ? (Guid?)null : r.GetGuid(9), r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetString(11), r.GetDateTime(12));
        }
        return ids;
    }

    private static async Task<List<Guid>> ReadCustomersAsync(DbCommand cmd, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            ids.Add(r.GetGuid(0));
            _ = (r.GetString(1), r.GetString(2), r.GetString(3), r.GetDateTime(4), r.IsDBNull(5) ? (DateTime?)null : r.GetDateTime(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7));
        }
        return ids;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection c = provider == DatabaseProvider.Sqlite ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);
        await c.OpenAsync(ct);
        return c;
    }

    public DbCommand Statement(DbConnection c, string sql, params (string Name, object Value)[] parameters)
    {
        var cmd = Workload.Command(c, sql);
        Add(cmd, "business", workload.BusinessId);
        foreach (var (name, value) in parameters) Add(cmd, name, value);
        return cmd;
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    /// <summary>The plan of each statement for one sample input: EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL.</summary>
    public async Task<string> ExplainAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var c = await OpenAsync(CancellationToken.None);
        var prefix = provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ";
        await using var cmd = Statement(c, prefix + sql, parameters);
        await using var r = await cmd.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await r.ReadAsync())
            lines.Add(provider == DatabaseProvider.Sqlite ? $"{r.GetValue(0)}|{r.GetValue(1)} {r.GetString(3)}" : r.GetString(0));
        return string.Join('\n', lines);
    }
}

using System.Globalization;
using Rapport.Core.Data;

namespace Rapport.Bench;

/// <summary>What to measure: the customer page at scale, the Valentine's rush of orders, occasion inference, the 60-day forecast, the deal board, or all.</summary>
public enum Scenario { Customers, Rush, Occasions, Forecast, Board, All }

/// <summary>Command-line settings: which databases, how much data, how long and how hard to push.</summary>
public sealed record BenchOptions
{
    public Scenario Scenario { get; init; } = Scenario.Customers;
    public IReadOnlyList<DatabaseProvider> Providers { get; init; } = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
    public int Customers { get; init; } = 100_000;
    public int Interactions { get; init; } = 1_000_000;
    /// <summary>Interactions of the one customer whose timeline is read.</summary>
    public int HeavyTimeline { get; init; } = 5_000;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public int Concurrency { get; init; } = 8;
    public int Seed { get; init; } = 20261122;
    public bool Regenerate { get; init; }
    public bool ShowSql { get; init; }
    public bool Explain { get; init; }
    public string DataFolder { get; init; } = DefaultDataFolder();
    public string PostgresServer { get; init; } =
        Environment.GetEnvironmentVariable("RAPPORT_BENCH_POSTGRES") ?? "Host=localhost;Username=rapport;Password=rapport";
    public string PostgresDatabase { get; init; } = "rapport_bench";

    /// <summary>Customers of the florist in the rush scenario.</summary>
    public int RushCustomers { get; init; } = 50_000;
    /// <summary>Order attempts of the measured rush, through the API and again in plain SQL.</summary>
    public int RushAttempts { get; init; } = 10_000;
    public int RushClients { get; init; } = 32;
    /// <summary>Untimed attempts on the day before, each way, so that the measured rush runs on warm code and pools.</summary>
    public int RushWarmup { get; init; } = 1_000;
    public string PostgresRushDatabase { get; init; } = "rapport_rush";

    /// <summary>Customers and orders of the florist whose occasions are inferred.</summary>
    public int OccasionCustomers { get; init; } = 100_000;
    public int OccasionOrders { get; init; } = 1_000_000;
    public string PostgresOccasionsDatabase { get; init; } = "rapport_occasions";

    public bool RunsCustomers => Scenario is Scenario.Customers or Scenario.All;
    public bool RunsRush => Scenario is Scenario.Rush or Scenario.All;
    public bool RunsOccasions => Scenario is Scenario.Occasions or Scenario.All;
    /// <summary>Customers and orders of the florist whose 60 coming days are forecast, and the years the orders span.</summary>
    public int ForecastCustomers { get; init; } = 100_000;
    public int ForecastOrders { get; init; } = 1_000_000;
    public int ForecastYears { get; init; } = 5;
    /// <summary>Timed forecasts (and as many plain-SQL scans), after one untimed of each.</summary>
    public int ForecastRepeats { get; init; } = 5;
    public string PostgresForecastDatabase { get; init; } = "rapport_forecast";

    public bool RunsForecast => Scenario is Scenario.Forecast or Scenario.All;

    /// <summary>The B2B dealer of the board scenario: open deals on one playbook, salespeople, customers.</summary>
    public int BoardDeals { get; init; } = 20_000;
    public int BoardSalespeople { get; init; } = 50;
    public int BoardCustomers { get; init; } = 5_000;
    /// <summary>Timed requests of each kind (board, promises report, and their plain-SQL baselines), after untimed warm-up ones.</summary>
    public int BoardRequests { get; init; } = 300;
    public int BoardClients { get; init; } = 2;
    public string PostgresBoardDatabase { get; init; } = "rapport_board";

    public bool RunsBoard => Scenario is Scenario.Board or Scenario.All;

    public const string Usage = """
        Rapport.Bench: generates a large business once, then measures the API over HTTP beside the same work in plain SQL.

          dotnet run -c Release --project bench/Rapport.Bench -- [options]

          --scenario customers|rush|occasions|forecast|board|all
                                            the customer page at scale, the Valentine's Day rush, occasion inference, the 60-day
                                            forecast of a florist with years of orders, a B2B dealer's deal board and promises
                                            report, or all (customers)
          --provider sqlite|postgres|both   databases to measure (both)
          --customers N                     customers in the generated business (100000)
          --interactions N                  interactions in all (1000000)
          --heavy N                         interactions of the customer whose timeline is read (5000)
          --duration S                      measured seconds per scenario (10)
          --warmup S                        untimed seconds of each scenario, once all round and again right before it (3)
          --concurrency N                   concurrent clients (8)
          --seed N                          random seed of the generated data (20261122)
          --regenerate                      rebuild the cached database even when it looks right
          --data DIR                        folder of the SQLite file (bench/data)
          --postgres CONNSTRING             PostgreSQL server, without database (RAPPORT_BENCH_POSTGRES or localhost, rapport/rapport)
          --pg-database NAME                PostgreSQL database (rapport_bench)
          --show-sql                        print the SQL EF Core sends for each scenario
          --explain                         print the query plans of the plain-SQL scenarios

        The rush scenario:
          --rush-customers N                customers of the florist (50000)
          --rush-attempts N                 order attempts, through the API and again in plain SQL (10000)
          --rush-clients N                  concurrent clients (32)
          --rush-warmup N                   untimed attempts each way on the day before (1000)
          --pg-rush-database NAME           PostgreSQL database (rapport_rush)

        The occasions scenario (inference timed beside a plain-SQL full scan of the orders):
          --occasion-customers N            customers of the florist (100000)
          --occasion-orders N               orders in all (1000000)
          --pg-occasions-database NAME      PostgreSQL database (rapport_occasions)

        The forecast scenario:
          --forecast-customers N            customers of the florist (100000)
          --forecast-orders N               orders over the years before today and the weeks after (1000000)
          --forecast-years N                years the orders span (5)
          --forecast-repeats N              timed forecasts and plain-SQL scans, after one untimed each (5)
          --pg-forecast-database NAME       PostgreSQL database (rapport_forecast)

        The board scenario (the board page of one salesperson and the promises report for a year, beside plain SQL):
          --board-deals N                   open deals on the dealer's one playbook (20000)
          --board-salespeople N             salespeople owning them (50)
          --board-customers N               customers of the dealer (5000)
          --board-requests N                timed requests of each kind, after a tenth as many untimed (300)
          --board-clients N                 concurrent clients (2)
          --pg-board-database NAME          PostgreSQL database (rapport_board)
        """;

    public static BenchOptions? Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            double Seconds() => double.Parse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--scenario":
                    var s = Next().ToLowerInvariant();
                    o = o with { Scenario = s switch
                    {
                        "customers" => Scenario.Customers,
                        "rush" => Scenario.Rush,
                        "occasions" => Scenario.Occasions,
                        "forecast" => Scenario.Forecast,
                        "board" => Scenario.Board,
                        "all" => Scenario.All,
                        _ => throw new ArgumentException($"Unknown scenario {s}: use customers, rush, occasions, forecast, board or all."),
                    } };
                    break;
                case "--provider":
                    var p = Next().ToLowerInvariant();
                    o = o with { Providers = p == "both" ? [DatabaseProvider.Sqlite, DatabaseProvider.Postgres] : [DatabaseSetup.ParseProvider(p)] };
                    break;
                case "--customers": o = o with { Customers = Int() }; break;
                case "--interactions": o = o with { Interactions = Int() }; break;
                case "--heavy": o = o with { HeavyTimeline = Int() }; break;
                case "--duration": o = o with { Duration = TimeSpan.FromSeconds(Seconds()) }; break;
                case "--warmup": o = o with { Warmup = TimeSpan.FromSeconds(Seconds()) }; break;
                case "--concurrency": o = o with { Concurrency = Int() }; break;
                case "--seed": o = o with { Seed = Int() }; break;
                case "--regenerate": o = o with { Regenerate = true }; break;
                case "--data": o = o with { DataFolder = Path.GetFullPath(Next()) }; break;
                case "--postgres": o = o with { PostgresServer = Next() }; break;
                case "--pg-database": o = o with { PostgresDatabase = Next() }; break;
                case "--rush-customers": o = o with { RushCustomers = Int() }; break;
                case "--rush-attempts": o = o with { RushAttempts = Int() }; break;
                case "--rush-clients": o = o with { RushClients = Int() }; break;
                case "--rush-warmup": o = o with { RushWarmup = Int() }; break;
                case "--pg-rush-database": o = o with { PostgresRushDatabase = Next() }; break;
                case "--occasion-customers": o = o with { OccasionCustomers = Int() }; break;
                case "--occasion-orders": o = o with { OccasionOrders = Int() }; break;
                case "--pg-occasions-database": o = o with { PostgresOccasionsDatabase = Next() }; break;
                case "--forecast-customers": o = o with { ForecastCustomers = Int() }; break;
                case "--forecast-orders": o = o with { ForecastOrders = Int() }; break;
                case "--forecast-years": o = o with { ForecastYears = Int() }; break;
                case "--forecast-repeats": o = o with { ForecastRepeats = Int() }; break;
                case "--pg-forecast-database": o = o with { PostgresForecastDatabase = Next() }; break;
                case "--board-deals": o = o with { BoardDeals = Int() }; break;
                case "--board-salespeople": o = o with { BoardSalespeople = Int() }; break;
                case "--board-customers": o = o with { BoardCustomers = Int() }; break;
                case "--board-requests": o = o with { BoardRequests = Int() }; break;
                case "--board-clients": o = o with { BoardClients = Int() }; break;
                case "--pg-board-database": o = o with { PostgresBoardDatabase = Next() }; break;
                case "--show-sql": o = o with { ShowSql = true }; break;
                case "--explain": o = o with { Explain = true }; break;
                case "-h" or "--help": return null;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }
        if (o.OccasionCustomers < 1 || o.OccasionOrders < o.OccasionCustomers)
            throw new ArgumentException("--occasion-customers must be at least 1 and --occasion-orders at least as many.");
        if (o.Customers < 2) throw new ArgumentException("--customers must be at least 2.");
        if (o.HeavyTimeline > o.Interactions) throw new ArgumentException("--heavy cannot exceed --interactions.");
        if (o.Concurrency < 1) throw new ArgumentException("--concurrency must be at least 1.");
        if (o.RushCustomers < 1 || o.RushAttempts < 1 || o.RushClients < 1 || o.RushWarmup < 0)
            throw new ArgumentException("--rush-customers, --rush-attempts and --rush-clients must be at least 1; --rush-warmup at least 0.");
        if (o.ForecastCustomers < 1 || o.ForecastOrders < 1 || o.ForecastYears < 2 || o.ForecastRepeats < 1)
            throw new ArgumentException("--forecast-customers, --forecast-orders and --forecast-repeats must be at least 1; --forecast-years at least 2.");
        if (o.BoardDeals < 1 || o.BoardSalespeople < 1 || o.BoardCustomers < 1 || o.BoardRequests < 1 || o.BoardClients < 1)
            throw new ArgumentException("--board-deals, --board-salespeople, --board-customers, --board-requests and --board-clients must be at least 1.");
        return o;
    }

    /// <summary>The name that identifies one generated data set: a cached database is reused only for the same one.</summary>
    public string DataSetName => $"c{Customers}_i{Interactions}_h{HeavyTimeline}_s{Seed}";

    public string SqlitePath => Path.Combine(DataFolder, $"rapport-bench-{DataSetName}.db");

    /// <summary>The florist's data set: a cached rush database is reused only for the same one.</summary>
    public string RushDataSetName => $"c{RushCustomers}_s{Seed}";

    public CachedDatabase CustomersDatabase(DatabaseProvider provider) => new(this, provider, SqlitePath, PostgresDatabase);

    /// <summary>The forecast florist's data set: a cached database is reused only for the same one.</summary>
    public string ForecastDataSetName => $"c{ForecastCustomers}_o{ForecastOrders}_y{ForecastYears}_s{Seed}";

    public CachedDatabase ForecastDatabase(DatabaseProvider provider) =>
        new(this, provider, Path.Combine(DataFolder, $"rapport-forecast-{ForecastDataSetName}.db"), PostgresForecastDatabase);

    /// <summary>The dealer's data set: a cached board database is reused only for the same one.</summary>
    public string BoardDataSetName => $"d{BoardDeals}_p{BoardSalespeople}_c{BoardCustomers}_s{Seed}";

    public CachedDatabase BoardDatabase(DatabaseProvider provider) =>
        new(this, provider, Path.Combine(DataFolder, $"rapport-board-{BoardDataSetName}.db"), PostgresBoardDatabase);

    public CachedDatabase RushDatabase(DatabaseProvider provider) =>
        new(this, provider, Path.Combine(DataFolder, $"rapport-rush-{RushDataSetName}.db"), PostgresRushDatabase);

    // bench/data beside this project in the repository, wherever the command is run from.
    private static string DefaultDataFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx"))) return Path.Combine(dir.FullName, "bench", "data");
        return Path.Combine(Path.GetTempPath(), "rapport-bench");
    }
}

namespace Rapport.Bench;

/// <summary>The command: parse the options, run each scenario on each provider, print the tables.</summary>
public static class BenchCommand
{
    public static async Task<int> Main(string[] args)
    {
        BenchOptions? options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }
        if (options is null)
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        // WebApplicationFactory finds Rapport.Web's content root through a manifest it looks for in the current folder.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        Console.WriteLine($"Rapport bench on {Report.Machine()}");
        // Each table again at the end when there is more than one, so that they read together.
        var tables = new List<Action>();
        var failed = false;
        foreach (var provider in options.Providers)
        {
            if (options.RunsCustomers)
            {
                var rows = await new ProviderRun(options, provider).RunAsync();
                tables.Add(() => Report.Print(options, provider, rows));
                tables[^1]();
                Console.WriteLine();
            }
            if (options.RunsRush)
            {
                var rush = await new RushRun(options, provider).RunAsync();
                tables.Add(() => Report.PrintRush(options, rush));
                tables[^1]();
                failed |= rush.Failures.Count > 0;
                Console.WriteLine();
            }
            if (options.RunsOccasions)
            {
                var occasions = await new OccasionsRun(options, provider).RunAsync();
                tables.Add(() => OccasionsRun.Print(occasions));
                tables[^1]();
                Console.WriteLine();
            }
            if (options.RunsForecast)
            {
                var forecast = await new ForecastRun(options, provider).RunAsync();
                tables.Add(() => ForecastRun.Print(forecast));
                tables[^1]();
                Console.WriteLine();
            }
            if (options.RunsBoard)
            {
                var board = await new BoardRun(options, provider).RunAsync();
                tables.Add(() => BoardRun.Print(board));
                tables[^1]();
                Console.WriteLine();
            }
        }
        if (tables.Count > 1)
        {
            Console.WriteLine("==== Summary");
            foreach (var table in tables) table();
        }
        if (failed)
        {
            Console.Error.WriteLine("The Valentine's rush broke a rule it must keep: see CHECKS FAILED above.");
            return 1;
        }
        return 0;
    }
}

namespace Rapport.Bench;

/// <summary>The command: parse the options, run each provider, print the tables.</summary>
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
        var results = new List<(Rapport.Core.Data.DatabaseProvider Provider, IReadOnlyList<ProviderRun.Row> Rows)>();
        foreach (var provider in options.Providers)
        {
            var rows = await new ProviderRun(options, provider).RunAsync();
            results.Add((provider, rows));
            Report.Print(options, provider, rows);
            Console.WriteLine();
        }
        if (results.Count > 1)
        {
            Console.WriteLine("==== Summary");
            foreach (var (provider, rows) in results) Report.Print(options, provider, rows);
        }
        return 0;
    }
}

using Rapport.Core.Businesses;

namespace Rapport.Web.Hosting;

/// <summary>
/// Commands for whoever hosts Rapport, run instead of the web server:
/// <c>migrate</c> applies migrations; <c>business add --name N --owner-email E --owner-password P [--slug S] [--time-zone Z]</c>
/// opens a further business with its first owner.
/// </summary>
public static class AdminCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "migrate" or "business";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["migrate", ..]:
                await DatabaseStartup.MigrateAsync(app.Services, CancellationToken.None);
                Console.WriteLine("Migrations applied.");
                return 0;
            case ["business", "add", .. var rest]:
                var flags = Flags(rest);
                var created = await CreateBusiness.HandleAsync(app.Services, new CreateBusiness.Command(
                    flags.GetValueOrDefault("name"), flags.GetValueOrDefault("slug"),
                    flags.GetValueOrDefault("owner-email"), flags.GetValueOrDefault("owner-password"),
                    flags.GetValueOrDefault("owner-name"), flags.GetValueOrDefault("time-zone")), CancellationToken.None);
                if (created.Succeeded)
                {
                    Console.WriteLine($"Created business '{created.Value!.Name}' at slug '{created.Value.Slug}'.");
                    return 0;
                }
                foreach (var (field, messages) in created.Failure!.Errors ?? new Dictionary<string, string[]>())
                    Console.Error.WriteLine($"--{Kebab(field)}: {string.Join(" ", messages)}");
                return 2;
            default:
                Console.Error.WriteLine("Usage: rapport migrate | rapport business add --name NAME --owner-email EMAIL --owner-password PASSWORD [--slug SLUG] [--owner-name NAME] [--time-zone IANA-ID]");
                return 2;
        }
    }

    private static Dictionary<string, string> Flags(string[] args)
    {
        var flags = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            if (args[i].StartsWith("--", StringComparison.Ordinal)) flags[args[i][2..]] = args[i + 1];
        return flags;
    }

    private static string Kebab(string field) =>
        string.Concat(field.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}

using Rapport.Core.Data;

namespace Rapport.Web.Hosting;

/// <summary>Settings read from configuration (appsettings, RAPPORT_ environment variables, command line).</summary>
public sealed class RapportOptions
{
    public DatabaseProvider Provider { get; init; }
    public required string ConnectionString { get; init; }
    /// <summary>Seed the two demo businesses on an empty database.</summary>
    public bool Demo { get; init; }
    /// <summary>
    /// Map the built-in test payment provider (<c>/test-pay</c>): for the demo, in Development and under the test host
    /// (environment <see cref="TestingEnvironment"/>); never otherwise, as it is a page that takes card numbers.
    /// </summary>
    public bool TestPaymentProvider { get; init; }
    /// <summary>Apply migrations at start-up; always on for SQLite.</summary>
    public bool MigrateOnStart { get; init; }
    /// <summary>Where customers reach Rapport (PublicUrl), for links in e-mails.</summary>
    public string PublicUrl { get; init; } = "http://localhost:5080";
    /// <summary>Where uploaded files (meeting recordings) are kept: outside the web root, shared by every node.</summary>
    public required string FilesPath { get; init; }
    /// <summary>The largest recording accepted, in bytes.</summary>
    public long MaxRecordingBytes { get; init; }

    public const long DefaultMaxRecordingBytes = 50L * 1024 * 1024;

    /// <summary>The environment the tests run the app in.</summary>
    public const string TestingEnvironment = "Testing";

    public static RapportOptions From(IConfiguration config, IHostEnvironment env)
    {
        var provider = DatabaseSetup.ParseProvider(config["Database:Provider"]);
        var connection = config.GetConnectionString("Rapport");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("Set ConnectionStrings:Rapport (RAPPORT_CONNECTIONSTRINGS__RAPPORT) for PostgreSQL.");
            var path = config["Database:Path"] ?? "rapport.db";
            connection = $"Data Source={path}";
        }
        var demo = config.GetValue<bool>("Demo");
        return new RapportOptions
        {
            Provider = provider,
            ConnectionString = connection,
            Demo = demo,
            TestPaymentProvider = demo || env.IsDevelopment() || env.IsEnvironment(TestingEnvironment),
            PublicUrl = (config["PublicUrl"] ?? "http://localhost:5080").TrimEnd('/'),
            MigrateOnStart = provider == DatabaseProvider.Sqlite || env.IsDevelopment() || config.GetValue<bool>("Database:MigrateOnStart"),
            FilesPath = Path.GetFullPath(config["Files:Path"] ?? Path.Combine(env.ContentRootPath, "rapport-files")),
            MaxRecordingBytes = config.GetValue("Files:MaxRecordingBytes", DefaultMaxRecordingBytes),
        };
    }
}

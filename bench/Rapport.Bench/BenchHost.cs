using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rapport.Core.Data;

namespace Rapport.Bench;

/// <summary>Rapport itself, in this process, listening on a free port: requests cross real sockets and the whole pipeline.</summary>
public sealed class BenchHost(DatabaseProvider provider, string connectionString, SqlCapture? capture = null) : WebApplicationFactory<Program>
{
    /// <summary>Answers at the end of Rapport's pipeline: authentication and routing run, no endpoint does.</summary>
    public const string EmptyPath = "/api/bench/empty";

    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Rapport"] = connectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Demo"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
        }));
        builder.ConfigureLogging(l =>
        {
            l.SetMinimumLevel(LogLevel.Warning);
            if (capture is null) return;
            l.AddProvider(capture);
            l.AddFilter<SqlCapture>(SqlCapture.Category, LogLevel.Information);
        });
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, EmptyEndpoint>());
    }

    private sealed class EmptyEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext http, RequestDelegate rest) =>
            {
                if (!http.Request.Path.Equals(EmptyPath, StringComparison.Ordinal)) return rest(http);
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = "application/json";
                return http.Response.WriteAsync("{}");
            });
        };
    }
}

/// <summary>Collects the SQL EF Core sends, for <c>--show-sql</c>.</summary>
public sealed class SqlCapture : ILoggerProvider
{
    public const string Category = "Microsoft.EntityFrameworkCore.Database.Command";
    private readonly ConcurrentQueue<string> commands = new();

    public IReadOnlyList<string> Take()
    {
        var list = new List<string>();
        while (commands.TryDequeue(out var c)) list.Add(c);
        return list;
    }

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? new Logger(commands) : NullLoggerInstance;

    public void Dispose() { }

    private static readonly ILogger NullLoggerInstance = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    private sealed class Logger(ConcurrentQueue<string> commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // 20101: CommandExecuted, with the text and the time it took.
            if (eventId.Id == 20101) commands.Enqueue(formatter(state, exception));
        }
    }
}

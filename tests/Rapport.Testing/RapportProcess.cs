using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Data;

namespace Rapport.Testing;

/// <summary>
/// Rapport running as a process of its own, as in production: for what an in-process test host cannot
/// show, such as a crash (SIGKILL) or two servers on one database.
/// </summary>
public sealed class RapportProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    private RapportProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the process printed last, for a failing test's message.</summary>
    public string Output
    {
        get { lock (lastLines) return string.Join('\n', lastLines); }
    }

    /// <param name="settings">Configuration on top (keys as environment variables: <c>Jobs__Enabled</c>); jobs are off unless given.</param>
    public static async Task<RapportProcess> StartAsync(string connectionString, CancellationToken ct, IReadOnlyDictionary<string, string>? settings = null)
    {
        var web = WebProject();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "bin", Configuration(), "net10.0", "Rapport.Web.dll")])
        {
            WorkingDirectory = web,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = Rapport.Web.Hosting.RapportOptions.TestingEnvironment;
        start.Environment["Database__Provider"] = TestDatabase.Provider.ToString();
        start.Environment["ConnectionStrings__Rapport"] = connectionString;
        start.Environment["Database__MigrateOnStart"] = "true";
        start.Environment["Demo"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Jobs__Enabled"] = "false";
        start.Environment["Mail__Folder"] = Path.Combine(Path.GetTempPath(), $"rapport-mail-{port}");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("Rapport did not start.");
        var running = new RapportProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => running.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => running.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = running.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"Rapport exited with {process.ExitCode}:\n{running.Output}");
            try
            {
                if ((await probe.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK) return running;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(200, ct);
        }
        await running.DisposeAsync();
        throw new TimeoutException($"Rapport did not answer /health within 90 s:\n{running.Output}");
    }

    /// <summary>The operating system's id of the process (Rapport's job lease holder names it).</summary>
    public int Id => process.Id;

    /// <summary>Asks the process to stop as a container runtime or systemd does (SIGTERM); returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (kill(process.Id, SigTerm) != 0) throw new InvalidOperationException($"SIGTERM could not be sent (errno {Marshal.GetLastPInvokeError()}).");
        using var wait = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(wait.Token);
        return process.ExitCode;
    }

    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>Ends the process the hard way (SIGKILL): no shutdown, no flushing, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    /// <summary>Runs one of Rapport's admin commands on the database, as a host would; returns its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(string connectionString, string[] args, CancellationToken ct)
    {
        var web = WebProject();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "bin", Configuration(), "net10.0", "Rapport.Web.dll"), .. args])
        {
            WorkingDirectory = web,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = Rapport.Web.Hosting.RapportOptions.TestingEnvironment;
        start.Environment["Database__Provider"] = TestDatabase.Provider.ToString();
        start.Environment["ConnectionStrings__Rapport"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Rapport did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>A context on the database outside any server, acting for one business.</summary>
    public static RapportDb Open(string connectionString, Guid businessId)
    {
        var tenant = new Tenant();
        tenant.Set(businessId);
        var options = new DbContextOptionsBuilder<RapportDb>().UseRapportDatabase(TestDatabase.Provider, connectionString).Options;
        return new RapportDb(options, tenant);
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            while (lastLines.Count > 40) lastLines.Dequeue();
        }
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    private static string WebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Rapport.slnx"))) return Path.Combine(dir.FullName, "src", "Rapport.Web");
        throw new InvalidOperationException("The repository root (Rapport.slnx) was not found above the test's folder.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Rapport.Testing;

/// <summary>
/// A real SMTP server on localhost (Debian's python3-aiosmtpd), recording what it receives, so that tests
/// read the mail a customer would get.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private SmtpSink(Process process, int port, string folder)
    {
        this.process = process;
        Port = port;
        this.folder = folder;
    }

    public int Port { get; }

    public sealed record Received(string[] EnvelopeTo, string To, string From, string Subject, string MessageId, string Text, string? Html);

    public static async Task<SmtpSink> StartAsync()
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python)) throw new InvalidOperationException("Install Debian's python3-aiosmtpd for the SMTP tests.");
        var port = FreePort();
        var folder = Path.Combine(Path.GetTempPath(), $"rapport-smtp-{Guid.NewGuid():N}");
        var script = Path.Combine(AppContext.BaseDirectory, "smtp_sink.py");
        var start = new ProcessStartInfo(python, [script, port.ToString(), folder])
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The SMTP server did not start.");
        var ready = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "ready")
            throw new InvalidOperationException($"The SMTP server did not start (is python3-aiosmtpd installed?): {await process.StandardError.ReadToEndAsync()}");
        return new SmtpSink(process, port, folder);
    }

    /// <summary>Configuration that sends Rapport's mail here.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(),
        ["Mail:From"] = "shop@rapport.test",
    };

    public IReadOnlyList<Received> Messages()
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.json")
            .Select(f => JsonSerializer.Deserialize<Received>(File.ReadAllText(f), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!)
            .ToList();
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count || DateTime.UtcNow > deadline) return messages;
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

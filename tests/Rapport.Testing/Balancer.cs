using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rapport.Testing;

/// <summary>
/// Debian's nginx in front of Rapport's nodes, round robin without stickiness, configured as docs/deploy.md shows:
/// the shape a hosted Rapport runs in, started for a test and stopped after it.
/// </summary>
public sealed class Balancer : IAsyncDisposable
{
    public const string NginxPath = "/usr/sbin/nginx";
    private readonly Process process;
    private readonly string folder;

    private Balancer(Process process, string folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Why nginx can't be used here (what to install), or null; under CI=true, where it must be there, a failure.</summary>
    public static string? Missing()
    {
        if (File.Exists(NginxPath)) return null;
        const string reason = "nginx not found at " + NginxPath + " (apt-get install -y nginx): the load-balancer tests need it.";
        if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(reason + " It must be installed under CI=true.");
        return reason;
    }

    public static async Task<Balancer> StartAsync(IEnumerable<Uri> nodes, CancellationToken ct)
    {
        if (Missing() is { } reason) throw new InvalidOperationException(reason);
        var port = RapportProcess.FreePort();
        var folder = Directory.CreateTempSubdirectory("rapport-nginx-").FullName;
        var servers = string.Join("\n", nodes.Select(n => $"        server {n.Host}:{n.Port};"));
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            error_log {{folder}}/error.log warn;
            pid {{folder}}/nginx.pid;
            worker_rlimit_nofile 16384;
            events { worker_connections 8192; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                upstream rapport {
            {{servers}}
                    keepalive 32;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://rapport;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        # An order is never sent twice: nginx passes a POST on only when no node received it.
                        proxy_next_upstream error timeout;
                        proxy_read_timeout 300s;
                    }
                }
            }
            """, ct);
        var start = new ProcessStartInfo(NginxPath, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var balancer = new Balancer(process, folder, new Uri($"http://127.0.0.1:{port}"));
        for (var waited = 0; waited < 100; waited++)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync(ct)}");
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(IPAddress.Loopback, port, ct);
                return balancer;
            }
            catch (SocketException)
            {
                await Task.Delay(100, ct);
            }
        }
        await balancer.DisposeAsync();
        throw new TimeoutException("nginx did not listen within 10 s.");
    }

    /// <summary>nginx's error log, for a failing test's message.</summary>
    public string Errors => File.Exists(Path.Combine(folder, "error.log")) ? File.ReadAllText(Path.Combine(folder, "error.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException) { }
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace Rapport.Testing;

/// <summary>
/// A real SMTP server on localhost, in this process (the SmtpServer package), recording what it receives, parsed
/// with MimeKit, so that tests read the mail a customer would get. It offers no STARTTLS, as a local relay would not.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Store store;
    private readonly CancellationTokenSource stop;
    private readonly Task running;

    private SmtpSink(Store store, CancellationTokenSource stop, Task running, int port)
    {
        this.store = store;
        this.stop = stop;
        this.running = running;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A message as it arrived; <paramref name="User"/> is who signed in to send it, if anyone.</summary>
    public sealed record Received(string[] EnvelopeTo, string To, string From, string Subject, string MessageId, string Text, string? Html, string? User);

    /// <summary>Starts the server; with a <paramref name="login"/> it takes mail only from a client that signs in with it.</summary>
    public static async Task<SmtpSink> StartAsync((string User, string Password)? login = null)
    {
        var store = new Store();
        // Port 0: the system picks a free port, which the listener reports once it is bound.
        var listeners = new EndpointListenerFactory();
        var bound = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => bound.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))
                .AuthenticationRequired(login is not null).AllowUnsecureAuthentication(login is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(listeners);
        if (login is { } l) services.Add(new DelegatingUserAuthenticator((user, password) => user == l.User && password == l.Password));
        var stop = new CancellationTokenSource();
        var running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        if (await Task.WhenAny(bound.Task, running, Task.Delay(TimeSpan.FromSeconds(30))) != bound.Task)
        {
            await stop.CancelAsync();
            stop.Dispose();
            throw new InvalidOperationException("The SMTP server did not start.", running.Exception?.GetBaseException());
        }
        return new SmtpSink(store, stop, running, await bound.Task);
    }

    /// <summary>Configuration that sends Rapport's mail here.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:From"] = "shop@rapport.test",
    };

    public IReadOnlyList<Received> Messages() => store.Received.ToList();

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
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }
        stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<Received> Received { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            Received.Enqueue(new Received(
                transaction.To.Select(m => m.AsAddress()).ToArray(),
                message.To.ToString(),
                message.From.ToString(),
                message.Subject ?? "",
                $"<{message.MessageId}>",
                message.TextBody ?? "",
                message.HtmlBody,
                context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            return SmtpResponse.Ok;
        }
    }
}

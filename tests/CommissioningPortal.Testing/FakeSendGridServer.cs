using System.Net;
using System.Net.Sockets;

namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>
/// SendGrid's HTTP API as a real HTTP server on a free loopback port (the one true external boundary we fake):
/// the portal reaches it through its own configuration (<c>SendGrid:Host</c>). It answers each request with the
/// next status given (the last one repeats) and records every request it saw.
/// </summary>
public sealed class FakeSendGridServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpStatusCode[] _answers;
    private readonly List<SeenRequest> _requests = [];
    private int _next;

    public sealed record SeenRequest(string Path, string? Authorization, string Body);

    public FakeSendGridServer(params HttpStatusCode[] answers)
    {
        _answers = answers.Length == 0 ? [HttpStatusCode.Accepted] : answers;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Address = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Address + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Address { get; }

    /// <summary>A copy of the requests seen so far.</summary>
    public IReadOnlyList<SeenRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (!_listener.IsListening) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        lock (_requests) _requests.Add(new SeenRequest(context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body));
        var status = _answers[Math.Min(Interlocked.Increment(ref _next) - 1, _answers.Length - 1)];
        context.Response.StatusCode = (int)status;
        if (status == HttpStatusCode.TooManyRequests) context.Response.Headers["Retry-After"] = "60";
        await context.Response.OutputStream.WriteAsync("{}"u8.ToArray());
        context.Response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CommissioningPortal.Data.Outbox;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Xunit;

namespace CommissioningPortal.Tests.Email;

/// <summary>The outbox on its own portal instance, with the background dispatcher off so rounds are driven by hand.</summary>
public abstract class OutboxTests : IAsyncLifetime
{
    private readonly PortalFactory _portal;

    protected OutboxTests(DatabaseKind kind)
    {
        if (kind == DatabaseKind.PostgreSql && !PortalFactory.PostgresAvailable)
        {
            Assert.Skip($"{PortalFactory.PostgresVariable} is not set; ./test.sh starts PostgreSQL and sets it.");
        }
        _portal = new PortalFactory(kind, new Dictionary<string, string?>
        {
            ["Email:DispatcherEnabled"] = "false",
            ["Portal:SeedDemo"] = "false",
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _portal.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private PickupFolderEmailTransport Pickup => _portal.Services.GetRequiredService<PickupFolderEmailTransport>();

    private OutboxDispatcher NewDispatcher(IEmailTransport transport) => new(
        _portal.Services.GetRequiredService<IServiceScopeFactory>(), transport,
        _portal.Services.GetRequiredService<IOptions<EmailOptions>>(), _portal.Clock, NullLogger<OutboxDispatcher>.Instance);

    private async Task<List<Guid>> EnqueueAsync(int count)
    {
        var ids = new List<Guid>();
        await using var scope = _portal.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(outbox.Enqueue(new EmailMessage($"person{i}@test.example", $"Person {i}", $"Subject {i}", $"Hello {i}", $"<p>Hello {i}</p>", "test")).Id);
        }
        await scope.ServiceProvider.GetRequiredService<CommissioningPortal.Data.PortalDbContext>().SaveChangesAsync(Ct);
        return ids;
    }

    private string[] MailFiles() => Directory.Exists(_portal.MailFolder) ? Directory.GetFiles(_portal.MailFolder, "*.eml") : [];

    private Task<OutboxMessage> RowAsync(Guid id) => _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Ct));

    [Fact]
    public async Task Without_a_SendGrid_key_a_message_becomes_one_eml_file()
    {
        var id = (await EnqueueAsync(1)).Single();
        Assert.Equal(1, await NewDispatcher(Pickup).DispatchDueAsync(Ct));

        var file = Assert.Single(MailFiles());
        var mime = await MimeMessage.LoadAsync(file, Ct);
        Assert.Equal("person0@test.example", mime.To.Mailboxes.Single().Address);
        Assert.Equal("Subject 0", mime.Subject);
        Assert.Contains("Hello 0", mime.TextBody);
        Assert.NotNull((await RowAsync(id)).SentAt);
        Assert.Equal(0, await NewDispatcher(Pickup).DispatchDueAsync(Ct)); // nothing twice
        Assert.Single(MailFiles());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_dispatcher_stopped_mid_send_and_restarted_sends_the_message_once(bool stopAfterWriting)
    {
        var id = (await EnqueueAsync(1)).Single();
        var stopping = new StoppingTransport(Pickup, stopAfterWriting);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewDispatcher(stopping).DispatchDueAsync(Ct));

        var row = await RowAsync(id);
        Assert.Null(row.SentAt);
        Assert.Equal(stopAfterWriting ? 1 : 0, MailFiles().Length);

        // Restarted at once: the lease still holds, so the new process waits rather than double-sends.
        var restarted = NewDispatcher(Pickup);
        Assert.Equal(0, await restarted.DispatchDueAsync(Ct));

        _portal.Clock.Advance(TimeSpan.FromMinutes(3)); // the dead dispatcher's lease runs out
        Assert.Equal(1, await restarted.DispatchDueAsync(Ct));
        Assert.Single(MailFiles());
        Assert.NotNull((await RowAsync(id)).SentAt);
    }

    [Fact]
    public async Task Two_dispatchers_racing_send_each_of_200_messages_exactly_once()
    {
        var ids = await EnqueueAsync(200);
        var counting = new CountingTransport(Pickup);
        var sent = await Task.WhenAll(NewDispatcher(counting).DispatchDueAsync(Ct), NewDispatcher(counting).DispatchDueAsync(Ct));

        Assert.Equal(200, sent.Sum());
        Assert.Equal(200, counting.Calls.Count);
        Assert.All(counting.Calls.Values, calls => Assert.Equal(1, calls));
        Assert.Equal(200, MailFiles().Length);
        var unsent = await _portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.SentAt == null, Ct));
        Assert.Equal(0, unsent);
    }

    [Fact]
    public async Task Failures_are_retried_with_growing_back_off_then_given_up()
    {
        var id = (await EnqueueAsync(1)).Single();
        var flaky = new FlakyTransport(Pickup, failures: 2);
        var dispatcher = NewDispatcher(flaky);

        Assert.Equal(0, await dispatcher.DispatchDueAsync(Ct));
        var first = await RowAsync(id);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(_portal.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), first.NextAttemptAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Ct)); // not due yet

        _portal.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Ct));
        var second = await RowAsync(id);
        Assert.Equal(_portal.Clock.GetUtcNow() + TimeSpan.FromSeconds(60), second.NextAttemptAt, TimeSpan.FromMilliseconds(1));
        Assert.Contains("flaky", second.LastError);

        _portal.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Ct));
        Assert.NotNull((await RowAsync(id)).SentAt);

        var doomed = (await EnqueueAsync(1)).Single();
        var broken = NewDispatcher(new FlakyTransport(Pickup, failures: int.MaxValue));
        for (var i = 0; i < 8; i++)
        {
            await broken.DispatchDueAsync(Ct);
            _portal.Clock.Advance(TimeSpan.FromHours(1));
        }
        var given = await RowAsync(doomed);
        Assert.True(given.Failed);
        Assert.Equal(8, given.Attempts);
    }

    [Fact]
    public async Task SendGrid_gets_the_message_and_a_server_error_means_retry_not_loss()
    {
        var handler = new FakeSendGrid(HttpStatusCode.InternalServerError, HttpStatusCode.Accepted);
        var transport = new SendGridEmailTransport(new SingleClientFactory(new HttpClient(handler)),
            Options.Create(new SendGridOptions { ApiKey = "SG.test-key" }), _portal.Services.GetRequiredService<IOptions<EmailOptions>>());
        var id = (await EnqueueAsync(1)).Single();
        var dispatcher = NewDispatcher(transport);

        Assert.Equal(0, await dispatcher.DispatchDueAsync(Ct));
        Assert.Null((await RowAsync(id)).SentAt);
        _portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Ct));

        var request = handler.Requests.Last();
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer SG.test-key", request.Authorization);
        Assert.Contains("person0@test.example", request.Body);
        Assert.Contains("Subject 0", request.Body);
        Assert.Contains(id.ToString("N"), request.Body);
        Assert.Empty(MailFiles());
    }

    private sealed class StoppingTransport(IEmailTransport inner, bool afterWriting) : IEmailTransport
    {
        public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
        {
            if (afterWriting) await inner.SendAsync(message, ct);
            throw new OperationCanceledException("The process was stopped.");
        }
    }

    private sealed class CountingTransport(IEmailTransport inner) : IEmailTransport
    {
        public ConcurrentDictionary<Guid, int> Calls { get; } = new();

        public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct)
        {
            Calls.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
            return inner.SendAsync(message, ct);
        }
    }

    private sealed class FlakyTransport(IEmailTransport inner, int failures) : IEmailTransport
    {
        private int _failures = failures;

        public Task<SendResult> SendAsync(OutboxMessage message, CancellationToken ct) =>
            _failures-- > 0 ? Task.FromResult(new SendResult(SendOutcome.Retry, "flaky network")) : inner.SendAsync(message, ct);
    }

    private sealed record SeenRequest(string Path, string? Authorization, string Body);

    private sealed class FakeSendGrid(params HttpStatusCode[] answers) : HttpMessageHandler
    {
        private int _next;
        public List<SeenRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new SeenRequest(request.RequestUri!.AbsolutePath, request.Headers.Authorization?.ToString(),
                request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
            var status = answers[Math.Min(_next++, answers.Length - 1)];
            return new HttpResponseMessage(status) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }
    }

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}

public sealed class OutboxOnSqlite() : OutboxTests(DatabaseKind.Sqlite);

public sealed class OutboxOnPostgres() : OutboxTests(DatabaseKind.PostgreSql);

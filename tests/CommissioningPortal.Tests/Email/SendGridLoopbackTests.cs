using System.Net;
using CommissioningPortal.Tests.Infrastructure;
using CommissioningPortal.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace CommissioningPortal.Tests.Email;

/// <summary>
/// Issue 20 item 3: SendGrid answering 500, then 429, is retried with growing back-off and the message is sent
/// once it answers 202: never lost, never sent twice. SendGrid here is a real HTTP server on loopback that the
/// portal reaches through its own configuration (<c>SendGrid:Host</c>), not a replaced HTTP handler.
/// </summary>
public sealed class SendGridLoopbackTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeSendGridServer _sendGrid = new(HttpStatusCode.InternalServerError, HttpStatusCode.TooManyRequests, HttpStatusCode.Accepted);
    private readonly PortalFactory _portal;

    public SendGridLoopbackTests()
    {
        _portal = new PortalFactory(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Email:DispatcherEnabled"] = "false",
            ["Portal:SeedDemo"] = "false",
            ["SendGrid:ApiKey"] = "SG.loopback-test",
            ["SendGrid:Host"] = _sendGrid.Address,
        });
    }

    public ValueTask InitializeAsync() => _portal.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        _sendGrid.Dispose();
    }

    [Fact]
    public async Task A_500_then_a_429_are_retried_later_and_the_message_is_sent_once()
    {
        Guid id;
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            id = scope.ServiceProvider.GetRequiredService<IEmailOutbox>()
                .Enqueue(new EmailMessage("morag@test.example", "Morag", "Your agreement", "Hello", "<p>Hello</p>", "test")).Id;
            await scope.ServiceProvider.GetRequiredService<CommissioningPortal.Data.PortalDbContext>().SaveChangesAsync(Ct);
        }
        var dispatcher = new OutboxDispatcher(_portal.Services.GetRequiredService<IServiceScopeFactory>(), _portal.Services.GetRequiredService<IEmailTransport>(),
            _portal.Services.GetRequiredService<IOptions<EmailOptions>>(), _portal.Clock, NullLogger<OutboxDispatcher>.Instance);

        var waits = new List<TimeSpan>();
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(0, await dispatcher.DispatchDueAsync(Ct));
            var row = await RowAsync(id);
            Assert.Null(row.SentAt);
            Assert.False(row.Failed);
            Assert.Contains(round == 0 ? "500" : "429", row.LastError); // what happened is kept for whoever looks
            waits.Add(row.NextAttemptAt - _portal.Clock.GetUtcNow());
            Assert.Equal(0, await dispatcher.DispatchDueAsync(Ct)); // not due yet: SendGrid is not asked again at once
            _portal.Clock.Advance(waits[^1]);
        }
        Assert.Equal(1, await dispatcher.DispatchDueAsync(Ct));

        var sent = await RowAsync(id);
        Assert.NotNull(sent.SentAt);
        Assert.True(waits[1] > waits[0], $"back-off grows: {waits[0]} then {waits[1]}");
        Assert.Equal(3, _sendGrid.Requests.Count);
        Assert.All(_sendGrid.Requests, r => Assert.Equal("/v3/mail/send", r.Path));
        Assert.All(_sendGrid.Requests, r => Assert.Equal("Bearer SG.loopback-test", r.Authorization));
        Assert.All(_sendGrid.Requests, r => Assert.Contains(id.ToString("N"), r.Body));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(Ct)); // sent once, never again
        Assert.Equal(3, _sendGrid.Requests.Count);
    }

    private Task<CommissioningPortal.Data.Outbox.OutboxMessage> RowAsync(Guid id) =>
        _portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Ct));
}

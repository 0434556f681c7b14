using System.Text.RegularExpressions;
using CommissioningPortal.Data.Outbox;
using CommissioningPortal.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.EndToEnd.Cluster;

/// <summary>
/// Issue 20: with two nodes on one database, 1,000 due process timers and 1,000 outbox e-mails are each handled
/// exactly once: every timer fires once (one history line each), and SendGrid receives every message once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class BackgroundWorkTests(ClusterRig rig) : IClassFixture<ClusterRig>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_nodes_fire_each_of_1000_timers_and_send_each_of_1000_emails_exactly_once()
    {
        var now = DateTimeOffset.UtcNow;
        var instances = new List<Guid>();
        var messages = new List<Guid>();
        await rig.WithDbAsync(async db =>
        {
            for (var i = 0; i < 1000; i++)
            {
                var instance = new WorkflowInstance { DefinitionId = "tender", DefinitionVersion = 1, State = "published", Title = $"Cluster {i}", StartedAt = now };
                instances.Add(instance.Id);
                db.WorkflowInstances.Add(instance);
                db.WorkflowTimers.Add(new WorkflowTimer { InstanceId = instance.Id, State = "published", Trigger = "close", DueAt = now.AddMinutes(-1) });
                var message = new OutboxMessage
                {
                    CreatedAt = now, NextAttemptAt = now, Kind = "cluster-rig",
                    ToAddress = $"person{i}@example.org", Subject = $"Cluster message {i}", TextBody = "Sent by one of two nodes, once.",
                };
                messages.Add(message.Id);
                db.OutboxMessages.Add(message);
            }
            return await db.SaveChangesAsync(Ct);
        });

        // Both nodes poll (timers every 5 s, the outbox every 2 s). A bound on the wait, not a speed target.
        for (var i = 0; i < 1800; i++)
        {
            var (timers, mail) = await rig.WithDbAsync(async db => (
                await db.WorkflowTimers.CountAsync(t => instances.Contains(t.InstanceId) && t.FiredAt == null, Ct),
                await db.OutboxMessages.CountAsync(m => messages.Contains(m.Id) && m.SentAt == null, Ct)));
            if (timers == 0 && mail == 0) break;
            await Task.Delay(100, Ct);
        }

        var histories = await rig.WithDbAsync(db => db.WorkflowHistory.Where(h => instances.Contains(h.InstanceId))
            .GroupBy(h => h.InstanceId).Select(g => g.Count()).ToListAsync(Ct));
        Assert.True(histories.Count == 1000, $"{histories.Count} of 1000 processes have a history.\nNode a:\n{rig.Log("a")}\nNode b:\n{rig.Log("b")}");
        Assert.All(histories, count => Assert.Equal(1, count));
        Assert.Equal(1000, await rig.WithDbAsync(db => db.WorkflowInstances.CountAsync(w => instances.Contains(w.Id) && w.State == "closed", Ct)));

        Assert.Equal(1000, await rig.WithDbAsync(db => db.OutboxMessages.CountAsync(m => messages.Contains(m.Id) && m.SentAt != null && !m.Failed, Ct)));
        var wanted = messages.Select(m => m.ToString("N")).ToHashSet();
        var sends = rig.SendGrid.Requests.SelectMany(r => MessageId().Matches(r.Body).Select(m => m.Groups[1].Value))
            .Where(wanted.Contains).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1000, sends.Count);
        Assert.All(sends, send => Assert.Equal(1, send.Value));
    }

    [GeneratedRegex("\"portal_message_id\":\"([0-9a-f]{32})\"")]
    private static partial Regex MessageId();
}

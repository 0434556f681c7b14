using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Data;

/// <summary>Two people editing one aggregate: the second save from a stale copy is refused, not merged.</summary>
public abstract class ConcurrencyTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task A_stale_save_is_refused_and_the_first_edit_survives()
    {
        var id = await Portal.WithDbAsync(async db =>
        {
            var provider = new Provider { Name = $"Concurrency {Guid.NewGuid():N}", Kind = ProviderKind.MicroProvider };
            db.Providers.Add(provider);
            await db.SaveChangesAsync(Ct);
            return provider.Id;
        });

        await Portal.WithDbAsync(async first =>
        {
            await Portal.WithDbAsync(async second =>
            {
                var a = await first.Providers.SingleAsync(p => p.Id == id, Ct);
                var b = await second.Providers.SingleAsync(p => p.Id == id, Ct);
                a.Summary = "First person's change";
                await first.SaveChangesAsync(Ct);
                Assert.Equal(1, a.Version);

                b.Summary = "Second person's change";
                await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
            });
        });

        var saved = await Portal.WithDbAsync(db => db.Providers.AsNoTracking().SingleAsync(p => p.Id == id, Ct));
        Assert.Equal("First person's change", saved.Summary);
    }
}

public sealed class ConcurrencyOnSqlite(SqlitePortal portal) : ConcurrencyTests(portal);

public sealed class ConcurrencyOnPostgres(PostgresPortal portal) : ConcurrencyTests(portal);

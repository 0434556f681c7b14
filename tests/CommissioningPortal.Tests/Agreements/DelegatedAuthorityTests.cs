using System.Net;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Agreements;

/// <summary>
/// Delegated authority (issue 17, item 8): with Glenmore delegating £375 a week, its practitioner authorises an agreement
/// of £312.50 alone; one of £500 only a commissioner can, and a practitioner posting the step by URL is refused with the
/// reason. A portal of its own, since the other agreement tests expect nothing delegated.
/// </summary>
public abstract class DelegatedAuthorityTests(PortalFactory portal) : PortalTestBase(portal)
{
    private async Task<PortalClient> AsAsync(string email)
    {
        var client = NewClient();
        await client.SignInAsync(email);
        return client;
    }

    private async Task<Guid> AcceptedByPersonAndProviderAsync(decimal weekly)
    {
        using var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner);
        var provider = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
        var response = await practitioner.SubmitAsync(await practitioner.GetPageAsync("/agreements/new"), AgreementFlowTests.Form($"Skye {Guid.NewGuid():N}"[..14], provider, weekly));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
        foreach (var party in new[] { DemoUsers.Person, DemoUsers.Provider })
        {
            using var client = await AsAsync(party);
            await AgreementFlowTests.AcceptAsync(client, id);
        }
        return id;
    }

    private Task<string> StateOfAsync(Guid id) => Portal.WithDbAsync(db =>
        db.IsfAgreements.Where(a => a.Id == id).Join(db.WorkflowInstances, a => a.WorkflowInstanceId, i => i.Id, (a, i) => i.State).SingleAsync(Ct));

    [Fact]
    public async Task A_practitioner_authorises_within_the_delegated_amount_and_only_a_commissioner_above_it()
    {
        // Nothing delegated yet: the practitioner's turn never comes.
        var first = await AcceptedByPersonAndProviderAsync(312.50m);
        using (var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner))
        {
            Assert.DoesNotContain("Your turn", (await practitioner.GetPageAsync($"/agreements/{first}")).Text);
        }

        await Portal.WithDbAsync(async db =>
        {
            var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
            glenmore.SetPolicies(new Authority.Policies(7, 10, 375m), "test", Portal.Clock.GetUtcNow());
            await db.SaveChangesAsync(Ct);
        });
        using (var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner))
        {
            await AgreementFlowTests.AcceptAsync(practitioner, first);
        }
        Assert.Equal("active", await StateOfAsync(first));

        var above = await AcceptedByPersonAndProviderAsync(500m);
        using (var practitioner = await AsAsync(DemoUsers.GlenmorePractitioner))
        {
            var page = await practitioner.GetPageAsync($"/agreements/{above}");
            Assert.DoesNotContain("Your turn", page.Text);
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
            var refused = await practitioner.Http.PostAsync($"/agreements/{above}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Confirm"] = "true",
            }), Ct);
            Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("accepted-by-provider", await StateOfAsync(above));
        }
        using (var commissioner = await AsAsync(DemoUsers.GlenmoreCommissioner))
        {
            await AgreementFlowTests.AcceptAsync(commissioner, above);
        }
        Assert.Equal("active", await StateOfAsync(above));
    }
}

public sealed class DelegatedSqlitePortal() : PortalFactory(DatabaseKind.Sqlite);

public sealed class DelegatedPostgresPortal() : PortalFactory(PostgresAvailable ? DatabaseKind.PostgreSql : DatabaseKind.Sqlite);

public sealed class DelegatedAuthorityOnSqlite(DelegatedSqlitePortal portal) : DelegatedAuthorityTests(portal), IClassFixture<DelegatedSqlitePortal>;

public sealed class DelegatedAuthorityOnPostgres(DelegatedPostgresPortal portal) : DelegatedAuthorityTests(portal), IClassFixture<DelegatedPostgresPortal>;

using System.Net;
using System.Text.Json;
using CommissioningPortal.Data;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Marketplace;

/// <summary>A Personal Assistant downloads everything held about them and closes their account.</summary>
public abstract class DataRightsTests(PortalFactory portal) : PortalTestBase(portal)
{
    protected virtual void EnsureDatabase() { }

    private sealed record Pa(Guid ProviderId, string Name, string Email, Guid ServiceId, string ServiceName, Guid AgreementId, string Phone, string EvidenceLocation);

    /// <summary>A verified PA of their own (the demo's are shared by other tests), with a service, a correction and a signed agreement.</summary>
    private async Task<Pa> NewPersonalAssistantAsync()
    {
        EnsureDatabase();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var name = $"Isla Test {tag}";
        var email = $"isla.{tag}@pa.example";
        var phone = "07700 900" + tag[..3];
        var now = Portal.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var glenmore = await db.Authorities.Include(a => a.Localities).SingleAsync(a => a.Code == "glenmore", Ct);
        var evidenceStore = scope.ServiceProvider.GetRequiredService<CommissioningPortal.Web.Features.ProviderOnboarding.IEvidenceStore>();
        var evidenceLocation = await evidenceStore.SaveAsync(new MemoryStream(ProviderTestData.MinimalPdf()), Ct);
        var provider = new Provider
        {
            Name = name, Kind = ProviderKind.PersonalAssistant, Summary = "Experienced PA", ContactEmail = email, Phone = phone,
            AddressLine = "3 Croft Lane", Town = "Dingwall", Postcode = "IV15 9ZZ", CreatedAt = now,
        };
        db.Providers.Add(provider);
        var items = new List<PassportItem>
        {
            new() { ProviderId = provider.Id, Kind = PassportItemKind.Pvg, Number = $"PVG-{tag}", EvidenceFileName = "pvg.pdf", EvidenceContentType = "application/pdf", EvidenceSize = 1000, EvidenceLocation = evidenceLocation, CreatedAt = now },
            new() { ProviderId = provider.Id, Kind = PassportItemKind.PublicLiability, Number = $"PL-{tag}", ExpiresOn = today.AddDays(200), CreatedAt = now },
            new() { ProviderId = provider.Id, Kind = PassportItemKind.SelfEmployment, Number = $"UTR-{tag}", CreatedAt = now },
        };
        foreach (var item in items) item.Verify("Checker", now);
        db.PassportItems.AddRange(items);
        ProviderVerification.Refresh(provider, items, today);
        var locality = glenmore.Localities.First();
        var service = new Service
        {
            ProviderId = provider.Id, Name = $"PA support {tag}", Description = "Help at home", SupportTypes = ["personal-care"], ClientGroups = ["older-people"],
            Languages = ["en"], CreatedAt = now,
        };
        service.ConfirmCapacity(10, null, now);
        service.RecordChange(now, "Test PA");
        service.CoverLocalities([(glenmore.Id, locality.Id)]);
        service.AddRate(1850, RateUnit.PerHour, today.AddDays(-10));
        service.Reindex(provider);
        db.Services.Add(service);
        db.ProviderCorrections.Add(new ProviderCorrection { ProviderId = provider.Id, WhatIsWrong = "Wrong town", CreatedAt = now });
        db.ProviderInvitations.Add(new ProviderInvitation { ProviderId = provider.Id, Email = $"helper.{tag}@pa.example", TokenHash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), CreatedAt = now, ExpiresAt = now.AddDays(14) });

        var person = new SupportedPerson { AuthorityId = glenmore.Id, Name = $"Person {tag}", CreatedAt = now };
        db.SupportedPeople.Add(person);
        var agreement = new IsfAgreement
        {
            Reference = $"GLE-ISF-{tag}", AuthorityId = person.AuthorityId, SupportedPersonId = person.Id, ProviderId = provider.Id,
            WorkflowInstanceId = Guid.NewGuid(), CurrentVersion = 1, CreatedAt = now, CreatedBy = "Practitioner",
        };
        var version = new IsfAgreementVersion
        {
            AgreementId = agreement.Id, Number = 1, TermsJson = "{}", OfferedPdf = [1, 2, 3], OfferedSha256 = "abc", CreatedAt = now, CreatedBy = "Practitioner",
        };
        db.IsfAgreements.Add(agreement);
        db.IsfAgreementVersions.Add(version);
        await db.SaveChangesAsync(Ct);

        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, ProviderId = provider.Id, CreatedAt = now };
        Assert.True((await users.CreateAsync(user, DemoUsers.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.ProviderUser);
        db.IsfAcceptances.Add(new IsfAcceptance { VersionId = version.Id, Party = AgreementParty.Provider, UserId = user.Id, Name = name, At = now, Sha256 = "abc" });
        await db.SaveChangesAsync(Ct);
        return new Pa(provider.Id, name, email, service.Id, service.Name, agreement.Id, phone, evidenceLocation);
    }

    [Fact]
    public async Task A_personal_assistant_downloads_everything_held_about_them_without_secrets()
    {
        var pa = await NewPersonalAssistantAsync();
        using var client = NewClient();
        await client.SignInAsync(pa.Email);
        var page = await client.GetPageAsync("/provider/my-data");
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var response = await client.GetAsync("/provider/my-data?handler=download");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal(pa.Name, root.GetProperty("provider").GetProperty("name").GetString());
        Assert.Equal("3 Croft Lane", root.GetProperty("provider").GetProperty("addressLine").GetString());
        Assert.Equal(3, root.GetProperty("passportItems").GetArrayLength());
        Assert.Contains(root.GetProperty("passportItems").EnumerateArray(), i => i.GetProperty("kind").GetString() == "Pvg" && i.GetProperty("evidence").GetProperty("fileName").GetString() == "pvg.pdf");
        var service = root.GetProperty("services")[0];
        Assert.Equal(pa.ServiceName, service.GetProperty("name").GetString());
        Assert.Equal(18.50m, service.GetProperty("rates")[0].GetProperty("amount").GetDecimal());
        Assert.Equal("Wrong town", root.GetProperty("corrections")[0].GetProperty("whatIsWrong").GetString());
        Assert.Equal(pa.AgreementId, root.GetProperty("agreements")[0].GetGuid());
        var account = root.GetProperty("userAccount");
        Assert.Equal(pa.Email, account.GetProperty("email").GetString());
        Assert.Contains("ProviderUser", account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        foreach (var secret in new[] { "passwordHash", "securityStamp", "concurrencyStamp", "evidenceLocation", "AQAAAA" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Only_personal_assistants_and_micro_providers_get_the_page()
    {
        EnsureDatabase();
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.Provider); // a registered organisation
        var response = await client.GetAsync("/provider/my-data");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Closing_needs_the_name_typed_then_removes_personal_data_everywhere_and_keeps_the_agreement()
    {
        var pa = await NewPersonalAssistantAsync();
        using var client = NewClient();
        await client.SignInAsync(pa.Email);
        Assert.Contains(pa.ServiceName, (await client.GetPageAsync($"/directory?q={Uri.EscapeDataString(pa.ServiceName)}")).Text);
        Assert.Contains(pa.ServiceName, await (await client.GetAsync($"/api/openreferral/services?search={Uri.EscapeDataString(pa.ServiceName)}")).Content.ReadAsStringAsync(Ct));
        var agreementBefore = await Portal.WithDbAsync(async db => (
            await db.IsfAgreementVersions.AsNoTracking().SingleAsync(v => v.AgreementId == pa.AgreementId, Ct),
            await db.IsfAcceptances.AsNoTracking().CountAsync(a => db.IsfAgreementVersions.Any(v => v.Id == a.VersionId && v.AgreementId == pa.AgreementId), Ct)));

        var page = await client.GetPageAsync("/provider/my-data");
        var wrong = await PortalClient.Page.ReadAsync(await client.SubmitAsync(page, new Dictionary<string, string> { ["ConfirmName"] = "Someone else" }, "form[action*='handler=close']"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Contains("does not match", wrong.Document.QuerySelector(".ds_error-summary")!.TextContent);
        Assert.Equal("Someone else", wrong.Document.QuerySelector("#ConfirmName")!.GetAttribute("value"));
        Assert.Equal(pa.Name, await Portal.WithDbAsync(db => db.Providers.Where(p => p.Id == pa.ProviderId).Select(p => p.Name).SingleAsync(Ct)));

        var closed = await client.SubmitAsync(page, new Dictionary<string, string> { ["ConfirmName"] = pa.Name }, "form[action*='handler=close']");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var done = await client.GetPageAsync(closed.Headers.Location!.OriginalString);
        Assert.Contains("Your account is closed", done.Text);
        // Signed out: the provider pages ask for sign-in again.
        Assert.Contains("/account/login", (await client.GetAsync("/provider/my-data")).Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        await Portal.WithDbAsync(async db =>
        {
            var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == pa.ProviderId, Ct);
            Assert.Equal(Provider.ClosedName, provider.Name);
            Assert.Null(provider.ContactEmail);
            Assert.Null(provider.Phone);
            Assert.Null(provider.AddressLine);
            Assert.Null(provider.Postcode);
            Assert.Null(provider.Summary);
            Assert.Null(provider.VerifiedThrough);
            Assert.NotNull(provider.ClosedAt);
            Assert.False(await db.PassportItems.AnyAsync(i => i.ProviderId == pa.ProviderId, Ct));
            Assert.False(await db.Services.AnyAsync(s => s.ProviderId == pa.ProviderId, Ct));
            Assert.False(await db.ServiceTags.AnyAsync(t => t.ServiceId == pa.ServiceId, Ct));
            Assert.False(await db.ProviderCorrections.AnyAsync(c => c.ProviderId == pa.ProviderId, Ct));
            Assert.False(await db.Users.AnyAsync(u => u.Email == pa.Email || u.ProviderId == pa.ProviderId, Ct));
            Assert.False(await db.ProviderInvitations.AnyAsync(i => i.ProviderId == pa.ProviderId, Ct));

            // What the agreement legally needs is untouched.
            var version = await db.IsfAgreementVersions.AsNoTracking().SingleAsync(v => v.AgreementId == pa.AgreementId, Ct);
            Assert.Equal(agreementBefore.Item1.OfferedPdf, version.OfferedPdf);
            Assert.Equal(agreementBefore.Item1.OfferedSha256, version.OfferedSha256);
            Assert.Equal(agreementBefore.Item2, await db.IsfAcceptances.CountAsync(a => a.VersionId == version.Id, Ct));
            Assert.Equal(pa.ProviderId, (await db.IsfAgreements.AsNoTracking().SingleAsync(a => a.Id == pa.AgreementId, Ct)).ProviderId);
        });

        // The evidence files (PVG certificate) are deleted, not only unlinked.
        await using (var scope = Portal.Services.CreateAsyncScope())
            Assert.Null(scope.ServiceProvider.GetRequiredService<CommissioningPortal.Web.Features.ProviderOnboarding.IEvidenceStore>().Open(pa.EvidenceLocation));

        using var anonymous = NewClient();
        Assert.DoesNotContain(pa.ServiceName, (await anonymous.GetPageAsync($"/directory?q={Uri.EscapeDataString(pa.ServiceName)}")).Text);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/directory/{pa.ProviderId}")).StatusCode);
        var feed = await (await anonymous.GetAsync("/api/openreferral/services?per_page=200")).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(pa.ServiceName, feed);
        var organisations = await (await anonymous.GetAsync("/api/openreferral/organizations?per_page=200")).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(pa.ProviderId.ToString(), organisations);
        Assert.DoesNotContain(pa.Name, organisations);
        // The account cannot sign in any more.
        using var again = NewClient();
        var login = await again.SignInAsync(pa.Email);
        Assert.NotEqual(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task After_closing_the_account_its_old_cookie_can_neither_read_nor_write()
    {
        var pa = await NewPersonalAssistantAsync();
        using var client = NewClient();
        await client.SignInAsync(pa.Email);
        // A second browser with a copy of the cookie, holding a passport form it opened before the closure.
        using var replay = NewClient();
        foreach (Cookie cookie in client.Cookies.GetCookies(Portal.BaseAddress)) replay.Cookies.Add(Portal.BaseAddress, new Cookie(cookie.Name, cookie.Value));
        var itemForm = await replay.GetPageAsync("/provider/passport/item?kind=PublicLiability");
        Assert.Equal(HttpStatusCode.OK, itemForm.Status);

        var page = await client.GetPageAsync("/provider/my-data");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, new Dictionary<string, string> { ["ConfirmName"] = pa.Name }, "form[action*='handler=close']")).StatusCode);

        var read = await replay.GetAsync("/provider");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Contains("/account/login", read.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        var write = await replay.PostMultipartAsync(itemForm, [("Kind", "PublicLiability"), ("Number", "PL-AFTER-CLOSE"), ("ExpiresOn", "2030-01-01")],
            "Evidence", "insurance.pdf", ProviderTestData.MinimalPdf());
        Assert.NotEqual(HttpStatusCode.OK, write.StatusCode);
        Assert.DoesNotContain("/provider/passport", write.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.False(await Portal.WithDbAsync(db => db.PassportItems.AnyAsync(i => i.ProviderId == pa.ProviderId, Ct)));
    }
}

/// <summary>Own portals: these tests add and close providers, which would change what the shared directory tests count.</summary>
public sealed class DataRightsSqlitePortal() : PortalFactory(DatabaseKind.Sqlite);

public sealed class DataRightsPostgresPortal() : PortalFactory(PostgresAvailable ? DatabaseKind.PostgreSql : DatabaseKind.Sqlite);

public sealed class DataRightsOnSqlite(DataRightsSqlitePortal p) : DataRightsTests(p), IClassFixture<DataRightsSqlitePortal>;

public sealed class DataRightsOnPostgres(DataRightsPostgresPortal p) : DataRightsTests(p), IClassFixture<DataRightsPostgresPortal>
{
    protected override void EnsureDatabase()
    {
        if (!PortalFactory.PostgresAvailable) Assert.Skip($"{PortalFactory.PostgresVariable} is not set; ./test.sh starts PostgreSQL and sets it.");
    }
}

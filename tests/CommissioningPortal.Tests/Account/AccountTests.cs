using System.Net;
using System.Text.RegularExpressions;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Account;

public abstract partial class AccountTests(PortalFactory portal) : PortalTestBase(portal)
{
    private static string NewEmail() => $"user-{Guid.NewGuid():N}@test.example";

    private async Task<string> RegisterAsync(PortalClient client, string email, string password = "a long enough passphrase")
    {
        var page = await client.GetPageAsync("/account/register");
        var response = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["AccountType"] = Roles.SupportedPerson, ["DisplayName"] = "Test Person", ["Email"] = email,
            ["Password"] = password, ["ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/check-email", response.Headers.Location?.OriginalString);
        return password;
    }

    [GeneratedRegex(@"https?://\S+/account/confirm-email\S+")]
    private static partial Regex ConfirmLink();

    [Fact]
    public async Task Registering_queues_a_confirmation_email_whose_link_confirms_the_address()
    {
        using var client = NewClient();
        var email = NewEmail();
        var password = await RegisterAsync(client, email);

        var message = await Portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == email, Ct));
        Assert.Equal("account-confirmation", message.Kind);

        // Not confirmed yet: sign-in explains why.
        var login = await client.GetPageAsync("/account/login");
        var refused = await PortalClient.Page.ReadAsync(await client.SubmitAsync(login, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password }));
        Assert.Contains("Confirm your e-mail address first", refused.Text);

        var link = new Uri(ConfirmLink().Match(message.TextBody).Value);
        var confirmed = await client.GetPageAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);
        Assert.Contains("E-mail address confirmed", confirmed.Text);

        var signedIn = await client.SignInAsync(email, password);
        Assert.Equal("/home", signedIn.Headers.Location?.OriginalString);
        var home = await client.GetPageAsync("/home");
        Assert.Equal("/my-support", home.Url);
    }

    [Fact]
    public async Task A_form_with_mistakes_names_each_field_and_keeps_what_was_typed()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync("/account/register");
        var response = await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["AccountType"] = Roles.Representative, ["DisplayName"] = "Ailsa Typed", ["Email"] = "not-an-email",
            ["Password"] = "a long enough passphrase", ["ConfirmPassword"] = "something else entirely",
        });
        var result = await PortalClient.Page.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("There is a problem", result.Text);
        Assert.Contains("Enter an e-mail address in the right format", result.Text);
        Assert.Contains("The passwords do not match", result.Text);
        Assert.Equal("Ailsa Typed", result.Document.QuerySelector("#DisplayName")?.GetAttribute("value"));
        Assert.Equal("not-an-email", result.Document.QuerySelector("#Email")?.GetAttribute("value"));
        Assert.Equal("", result.Document.QuerySelector("#Password")?.GetAttribute("value"));
        Assert.NotNull(result.Document.QuerySelector("#AccountType-Representative[checked]"));
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "not-an-email", Ct)));
    }

    [Fact]
    public async Task Ten_failed_sign_ins_lock_the_account_with_a_clear_message_and_a_reset_unlocks_it()
    {
        using var client = NewClient();
        var email = NewEmail();
        var password = await RegisterAsync(client, email);
        await Portal.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true), Ct);
        });

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var login = await client.GetPageAsync("/account/login");
            var wrong = await PortalClient.Page.ReadAsync(await client.SubmitAsync(login, new Dictionary<string, string> { ["Email"] = email, ["Password"] = "wrong password " + attempt }));
            if (attempt < 10) Assert.Contains("Enter a correct e-mail address and password", wrong.Text);
        }

        var again = await client.GetPageAsync("/account/login");
        var locked = await PortalClient.Page.ReadAsync(await client.SubmitAsync(again, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password }));
        Assert.Contains("Your account is locked because of too many failed sign-in attempts", locked.Text);
        Assert.Null(locked.Document.QuerySelector("form[action='/account/logout']"));

        // The reset link from the e-mail unlocks it.
        var forgot = await client.GetPageAsync("/account/forgot-password");
        await client.SubmitAsync(forgot, new Dictionary<string, string> { ["Email"] = email });
        var reset = await Portal.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == email && m.Kind == "password-reset", Ct));
        var link = new Uri(Regex.Match(reset.TextBody, @"https?://\S+/account/reset-password\S+").Value);
        var resetPage = await client.GetPageAsync(link.PathAndQuery);
        var done = await client.SubmitAsync(resetPage, new Dictionary<string, string> { ["Password"] = "a brand new passphrase", ["ConfirmPassword"] = "a brand new passphrase" });
        Assert.Equal("/account/login", done.Headers.Location?.OriginalString);
        var signedIn = await client.SignInAsync(email, "a brand new passphrase");
        Assert.Equal("/home", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_two_step_user_needs_the_code_and_reaches_their_authority()
    {
        using var client = NewClient();
        var response = await client.SignInAsync(DemoUsers.GlenmoreCommissioner);
        Assert.Equal("/home", response.Headers.Location?.OriginalString);
        var home = await client.GetPageAsync("/home");
        Assert.Equal("/authority/glenmore", home.Url);
        Assert.Contains("Glenmore Health and Social Care Partnership", home.Text);
    }

    [Fact]
    public async Task A_wrong_two_step_code_is_refused_with_a_named_error()
    {
        using var client = NewClient();
        var login = await client.GetPageAsync("/account/login");
        var response = await client.SubmitAsync(login, new Dictionary<string, string> { ["Email"] = DemoUsers.GlenmorePractitioner, ["Password"] = DemoUsers.Password });
        var codePage = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        var wrong = await PortalClient.Page.ReadAsync(await client.SubmitAsync(codePage, new Dictionary<string, string> { ["Code"] = "000000" }));
        Assert.Contains("That security code is not right", wrong.Text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/authority/glenmore")).StatusCode);
    }

    [Fact]
    public async Task Staff_without_two_step_verification_are_sent_to_set_it_up()
    {
        var email = NewEmail();
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var db = scope.ServiceProvider.GetRequiredService<CommissioningPortal.Data.PortalDbContext>();
            var glenmore = await db.Authorities.SingleAsync(a => a.Code == "glenmore", Ct);
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "New Practitioner", AuthorityId = glenmore.Id };
            Assert.True((await users.CreateAsync(user, "a long enough passphrase")).Succeeded);
            await users.AddToRoleAsync(user, Roles.Practitioner);
        }
        using var client = NewClient();
        await client.SignInAsync(email, "a long enough passphrase");
        var response = await client.GetAsync("/authority/glenmore");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/manage/two-factor", response.Headers.Location?.OriginalString);
        var setup = await client.GetPageAsync("/account/manage/two-factor");
        Assert.Contains("Your role needs two-step verification", setup.Text);
        Assert.NotNull(setup.Document.QuerySelector("img.portal-qr"));
    }
}

public abstract partial class AccountTests
{
    [Fact]
    public async Task A_person_turns_on_two_step_verification_and_gets_recovery_codes()
    {
        using var client = NewClient();
        var email = NewEmail();
        var password = await RegisterAsync(client, email);
        await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true), Ct));
        await client.SignInAsync(email, password);

        var setup = await client.GetPageAsync("/account/manage/two-factor");
        var key = setup.Document.QuerySelector(".portal-code")!.TextContent.Replace(" ", "").ToUpperInvariant();
        var enabled = await PortalClient.Page.ReadAsync(await client.SubmitAsync(setup,
            new Dictionary<string, string> { ["Code"] = CommissioningPortal.Web.Features.Account.Totp.Compute(key, Portal.Clock.GetUtcNow()) },
            "form[action='/account/manage/two-factor/enable']"));
        Assert.Contains("Save your recovery codes", enabled.Text);
        Assert.Equal(10, enabled.Document.QuerySelectorAll(".ds_notification-panel li").Length);

        using var again = NewClient();
        var login = await again.GetPageAsync("/account/login");
        var response = await again.SubmitAsync(login, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.StartsWith("/account/login-with-2fa", response.Headers.Location?.OriginalString);
    }
}

public sealed class AccountOnSqlite(SqlitePortal portal) : AccountTests(portal);

public sealed class AccountOnPostgres(PostgresPortal portal) : AccountTests(portal);

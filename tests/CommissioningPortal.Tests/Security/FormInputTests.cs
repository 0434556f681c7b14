using System.Net;
using CommissioningPortal.Tests.Agreements;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Security;

/// <summary>
/// Issue 12, items 5 and 7: numbers people could misread are refused with the form they should take;
/// the account page answers bad input with a 400 and the field named; a NUL gets a field message;
/// wrong current passwords lock the account; the error page only answers with statuses it knows.
/// </summary>
public abstract class FormInputTests(PortalFactory portal) : PortalTestBase(portal)
{
    private async Task<PortalClient> SignedInNewUserAsync()
    {
        var (email, _) = await Portal.CreateProviderUserAsync();
        return await Portal.SignedInProviderAsync(email);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("0x10")]
    [InlineData("1e3")]
    public async Task An_ambiguous_weekly_budget_is_refused_showing_the_expected_form(string typed)
    {
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmorePractitioner);
        var person = "Ambiguous " + Guid.NewGuid().ToString("N")[..8];
        var provider = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
        var form = AgreementFlowTests.Form(person, provider);
        form["Terms.WeeklyBudget"] = typed;

        var page = await PortalClient.Page.ReadAsync(await client.SubmitAsync(await client.GetPageAsync("/agreements/new"), form));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var error = page.Document.QuerySelector("#Terms_WeeklyBudget-error")?.TextContent ?? "";
        Assert.Contains("weekly budget", error);
        Assert.Contains("1250.50", error);
        Assert.Equal(typed, page.ValueOf("Terms_WeeklyBudget"));
        Assert.False(await Portal.WithDbAsync(db => db.SupportedPeople.AnyAsync(p => p.Name == person, Ct)));
    }

    [Fact]
    public async Task Notice_weeks_typed_in_hexadecimal_are_refused()
    {
        using var client = NewClient();
        await client.SignInAsync(DemoUsers.GlenmorePractitioner);
        var person = "Hex " + Guid.NewGuid().ToString("N")[..8];
        var provider = await Portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
        var form = AgreementFlowTests.Form(person, provider);
        form["Terms.NoticeWeeks"] = "0x4";

        var page = await PortalClient.Page.ReadAsync(await client.SubmitAsync(await client.GetPageAsync("/agreements/new"), form));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.False(await Portal.WithDbAsync(db => db.SupportedPeople.AnyAsync(p => p.Name == person, Ct)));
    }

    [Fact]
    public async Task Bad_account_details_answer_400_with_each_field_named_and_a_500_digit_phone_number_is_refused()
    {
        using var client = await SignedInNewUserAsync();
        var page = await client.GetPageAsync("/account/manage");
        var refused = await PortalClient.Page.ReadAsync(await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["DisplayName"] = "", ["PhoneNumber"] = new string('7', 500),
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("#DisplayName-error"));
        Assert.Contains("phone", refused.Document.QuerySelector("#PhoneNumber-error")?.TextContent ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new string('7', 500), refused.ValueOf("PhoneNumber"));
    }

    [Fact]
    public async Task A_nul_in_a_name_gets_a_field_message_and_nothing_is_saved()
    {
        using var client = await SignedInNewUserAsync();
        var marker = "Ann" + Guid.NewGuid().ToString("N")[..8];
        var page = await client.GetPageAsync("/account/manage");
        var refused = await PortalClient.Page.ReadAsync(await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["DisplayName"] = marker + "\0Smith", ["PhoneNumber"] = "",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("character", refused.Document.QuerySelector("#DisplayName-error")?.TextContent ?? "");
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName.Contains(marker), Ct)));
    }

    [Fact]
    public async Task Wrong_current_passwords_on_change_password_lock_the_account()
    {
        var (email, _) = await Portal.CreateProviderUserAsync();
        using var client = await Portal.SignedInProviderAsync(email);
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            var form = await client.GetPageAsync("/account/manage/change-password");
            if (form.Url.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase)) break; // signed out once locked
            await client.SubmitAsync(form, new Dictionary<string, string>
            {
                ["OldPassword"] = "not my password " + attempt, ["NewPassword"] = "another long passphrase", ["ConfirmPassword"] = "another long passphrase",
            });
        }
        var lockedUntil = await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync(Ct));
        Assert.True(lockedUntil > Portal.Clock.GetUtcNow(), $"locked until {lockedUntil}");

        // The right password no longer works until the lockout ends.
        using var again = NewClient();
        var login = await again.GetPageAsync("/account/login");
        var refused = await PortalClient.Page.ReadAsync(await again.SubmitAsync(login, new Dictionary<string, string> { ["Email"] = email, ["Password"] = ProviderTestData.Password }));
        Assert.Contains("locked", refused.Text);
    }

    [Theory]
    [InlineData("/error/99", 404)]
    [InlineData("/error/302", 404)]
    [InlineData("/error/999", 404)]
    [InlineData("/error/404", 404)]
    [InlineData("/error/409", 409)]
    [InlineData("/error/500", 500)]
    public async Task The_error_page_answers_only_with_statuses_it_knows(string path, int status)
    {
        using var client = NewClient();
        var response = await client.GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}

public sealed class FormInputOnSqlite(SqlitePortal portal) : FormInputTests(portal);

public sealed class FormInputOnPostgres(PostgresPortal portal) : FormInputTests(portal);

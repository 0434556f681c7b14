using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Tests.Infrastructure;
using MimeKit;
using Xunit;

namespace CommissioningPortal.Tests.Email;

/// <summary>With no SendGrid key, registering writes the confirmation as an .eml file (the running dispatcher).</summary>
public abstract class RegistrationMailTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task Registering_writes_a_confirmation_eml_to_the_mail_folder()
    {
        var email = $"mail-{Guid.NewGuid():N}@test.example";
        using var client = NewClient();
        var page = await client.GetPageAsync("/account/register");
        await client.SubmitAsync(page, new Dictionary<string, string>
        {
            ["AccountType"] = Roles.SupportedPerson, ["DisplayName"] = "Mail Test", ["Email"] = email,
            ["Password"] = "a long enough passphrase", ["ConfirmPassword"] = "a long enough passphrase",
        });

        MimeMessage? found = null;
        for (var i = 0; i < 150 && found is null; i++) // the dispatcher polls every 2 s; give it up to 30 s
        {
            foreach (var file in Directory.Exists(Portal.MailFolder) ? Directory.GetFiles(Portal.MailFolder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file, Ct);
                if (message.To.Mailboxes.Any(m => m.Address == email)) found = message;
            }
            if (found is null) await Task.Delay(200, Ct);
        }
        Assert.NotNull(found);
        Assert.Equal("Confirm your e-mail address for the Commissioning Portal", found.Subject);
        Assert.Contains("/account/confirm-email?userId=", found.TextBody);
    }
}

public sealed class RegistrationMailOnSqlite(SqlitePortal portal) : RegistrationMailTests(portal);

public sealed class RegistrationMailOnPostgres(PostgresPortal portal) : RegistrationMailTests(portal);


namespace CommissioningPortal.Web.Features.Account;

public sealed class ConfirmEmailModel(UserManager<PortalUser> users, Agreements.AgreementInvitations invitations) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, CancellationToken ct)
    {
        var token = AccountEmails.Decode(code);
        if (userId is null || token is null || await users.FindByIdAsync(userId) is not { } user)
        {
            Response.StatusCode = 400;
            return;
        }
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (!Confirmed) Response.StatusCode = 400;
        else await invitations.LinkAsync(user, ct); // an agreement offered before they joined is now theirs to read and accept
    }
}

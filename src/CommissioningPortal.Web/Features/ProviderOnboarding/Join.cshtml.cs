namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary><c>/provider/join/{token}</c>: a signed-in colleague accepts an invitation sent to their e-mail address.</summary>
[Authorize]
public sealed class JoinModel(AcceptInvitation accept, ProviderAccount account) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";

    public string? ProviderName { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var check = await accept.CheckAsync(Token, Actor.Of(User), ct);
        (ProviderName, Problem) = (check.ProviderName, check.Problem);
        if (Problem is not null) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await accept.HandleAsync(new AcceptInvitation.Input(Token), Actor.Of(User), ct);
        if (!result.Succeeded)
        {
            Problem = result.Errors[0].Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (user, providerName) = result.Value;
        await account.RefreshSignInAsync(user);
        TempData["StatusMessage"] = $"You have joined {providerName}.";
        return Redirect("/provider");
    }
}

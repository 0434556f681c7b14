using CommissioningPortal.Web.Features.Account;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Small command-line helpers that run instead of the web server.</summary>
internal static class PortalCommands
{
    public static Task<bool> TryRunAsync(string[] args)
    {
        if (args is ["totp", var key])
        {
            Console.WriteLine(Totp.Compute(key, TimeProvider.System.GetUtcNow()));
            return Task.FromResult(true);
        }
        return Task.FromResult(false);
    }
}

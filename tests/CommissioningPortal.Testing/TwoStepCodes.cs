using CommissioningPortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>
/// Authenticator codes for tests. The portal accepts each code once and none older than the last
/// (the step is recorded on the account), and checks them on its own — fake — clock; many tests sign
/// the same demo users in. So codes are handed out one at a time: the earliest step the portal will
/// still accept (one step either side of now), moving the fake clock on by a step when none is left.
/// </summary>
public static class TwoStepCodes
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Runs <paramref name="use"/> with a code the portal will accept for <paramref name="email"/>, and no other test's in between.</summary>
    public static async Task<T> WithCodeAsync<T>(PortalFactory portal, string email, string key, Func<string, Task<T>> use)
    {
        await OneAtATime.WaitAsync();
        try
        {
            var normalised = email.ToUpperInvariant();
            var last = await portal.WithDbAsync(db => db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.LastTotpTimeStep).FirstOrDefaultAsync());
            var now = Totp.StepOf(portal.Clock.GetUtcNow());
            var step = Math.Max(now - 1, (last ?? long.MinValue / 2) + 1);
            if (step > now + 1)
            {
                portal.Clock.Advance(TimeSpan.FromSeconds(30 * (step - now - 1)));
            }
            return await use(Totp.ComputeForStep(key, step));
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}

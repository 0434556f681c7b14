using System.Security.Cryptography;
using System.Text;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>
/// Checks authenticator-app codes (RFC 6238: SHA-1, 30-second steps, 6 digits, one step of drift
/// either way) and accepts each code once: the step it belongs to is recorded on the account, and a
/// code from that step or an earlier one is refused (RFC 6238 §5.2) — someone who sees a code typed
/// cannot use it again within its minute. The record is claimed with one conditional UPDATE, so two
/// sign-ins racing with the same code cannot both win. Time comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class OneUseAuthenticatorCodes(PortalDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string Name = "PortalAuthenticator";

    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;
        var now = Totp.StepOf(clock.GetUtcNow());
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.ComputeForStep(key, step)), Encoding.ASCII.GetBytes(token))) continue;
            var claimed = await db.Users
                .Where(u => u.Id == user.Id && (u.LastTotpTimeStep == null || u.LastTotpTimeStep < step))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpTimeStep, step));
            return claimed == 1;
        }
        return false;
    }
}

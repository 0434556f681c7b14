using CommissioningPortal.Data.Recipes;
using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Prints the demo recipe's logins so a newcomer can sign in at once.</summary>
internal static class DemoLogins
{
    public static void Print(Recipe demo, TextWriter output)
    {
        var users = demo.Steps.Where(s => s.Step == "users").SelectMany(s => s.Users ?? []).ToList();
        if (users.Count == 0) return;
        output.WriteLine();
        output.WriteLine("Demo logins (fictional people; Development only):");
        output.WriteLine($"  {"role",-32} {"e-mail",-34} password");
        foreach (var user in users)
        {
            var role = string.Join(", ", user.Roles.Select(Roles.DisplayName));
            output.WriteLine($"  {role,-32} {user.Email,-34} {user.Password}{(user.AuthenticatorKey is null ? "" : "  (2FA)")}");
        }
        if (users.Any(u => u.AuthenticatorKey is not null))
        {
            output.WriteLine();
            output.WriteLine($"  (2FA) accounts use an authenticator app with the key {RecipeRunner.DemoAuthenticatorKey}.");
            output.WriteLine("  No app to hand? Print the current code with:");
            output.WriteLine($"    dotnet run --project src/CommissioningPortal.Web -- totp {RecipeRunner.DemoAuthenticatorKey}");
        }
        output.WriteLine();
    }
}

using System.Globalization;
using CommissioningPortal.Web.Features.Account;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Small command-line helpers that run instead of the web server.</summary>
internal static class PortalCommands
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args is ["totp", var key])
        {
            Console.WriteLine(Totp.Compute(key, TimeProvider.System.GetUtcNow()));
            return true;
        }
        if (args is ["seed-providers", ..])
        {
            if (args.Length < 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            {
                await Console.Error.WriteLineAsync("Usage: seed-providers N [configuration overrides, e.g. --Database:Provider=PostgreSql]; N is a whole number, 1 or more.");
                Environment.ExitCode = 2;
                return true;
            }
            // The real host (configuration, database provider, migrations, reference data), but no web server.
            var builder = WebApplication.CreateBuilder(args[2..]);
            builder.AddPortal();
            await using var app = builder.Build();
            await app.InitialisePortalAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ProviderSeeder>().SeedAsync(count);
            Console.WriteLine($"Seeded {result.Providers:N0} providers and {result.Services:N0} services " +
                              $"({result.Authorities} authorities added) in {result.Elapsed.TotalSeconds:0.0} s.");
            return true;
        }
        return false;
    }
}

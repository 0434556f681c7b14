namespace CommissioningPortal.Tests.Infrastructure;

/// <summary>The demo recipe's accounts (src/CommissioningPortal.Data/Recipes/demo.recipe.json).</summary>
public static class DemoUsers
{
    public const string Password = "Demo-portal-2026!";
    public const string AuthenticatorKey = "PORTALDEMOKEY234";

    public const string GlenmoreCommissioner = "commissioner@glenmore.example";
    public const string GlenmorePractitioner = "practitioner@glenmore.example";
    public const string GlenmoreFinance = "finance@glenmore.example";
    public const string ArdbraeCommissioner = "commissioner@ardbrae.example";
    public const string Person = "person@people.example";
    public const string Provider = "provider@brightsteps.example";
    public const string Administrator = "admin@portal.example";
    public const string Panel = "panel@glenmore.example";
}

public static class PortalClientSignIn
{
    /// <summary>Signs in through the real forms, answering the two-step code with the demo key.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this PortalClient client, string email, string password = DemoUsers.Password,
        string authenticatorKey = DemoUsers.AuthenticatorKey)
    {
        var login = await client.GetPageAsync("/account/login");
        var response = await client.SubmitAsync(login, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (response.Headers.Location?.OriginalString.Contains("login-with-2fa", StringComparison.OrdinalIgnoreCase) == true)
        {
            var codePage = await client.GetPageAsync(response.Headers.Location.OriginalString);
            response = await TwoStepCodes.WithCodeAsync(client.Portal, email, authenticatorKey,
                code => client.SubmitAsync(codePage, new Dictionary<string, string> { ["Code"] = code }));
        }
        return response;
    }
}

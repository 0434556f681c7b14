namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Validation messages used on several forms, worded once (GOV.UK / SGDS style: say what to do).</summary>
public static class Messages
{
    public const string EnterEmail = "Enter your e-mail address";
    public const string EmailFormat = "Enter an e-mail address in the right format, like name@example.com";
    public const string PasswordLength = "Your password must be at least 10 characters";
    public const string PasswordsDiffer = "The passwords do not match";
}

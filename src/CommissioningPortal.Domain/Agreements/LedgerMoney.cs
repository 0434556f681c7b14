namespace CommissioningPortal.Domain.Agreements;

/// <summary>Pounds and pence: amounts are decimals with at most two decimal places, rounded half away from zero.</summary>
internal static class LedgerMoney
{
    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static bool IsPence(decimal amount) => amount == decimal.Round(amount, 2);

    public static void RequirePounds(decimal amount, string paramName, string what, bool allowNegative)
    {
        if (!IsPence(amount))
        {
            throw new ArgumentException($"{what} must be in pounds and pence (at most 2 decimal places), not {amount}.", paramName);
        }
        if (!allowNegative && amount < 0)
        {
            throw new ArgumentException($"{what} cannot be negative.", paramName);
        }
    }
}

/// <summary>Dates and money as the person reads them: "5 January 2026", "£1,248.00".</summary>
internal static class LedgerText
{
    public static string Date(DateOnly date) => AgreementTerms.Date(date);

    public static string Money(decimal amount) => AgreementTerms.Money(amount);

    public static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
}

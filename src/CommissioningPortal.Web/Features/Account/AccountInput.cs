using System.Text.RegularExpressions;
using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Web.Features.Account;

/// <summary>The rules for what people type on the account forms, worded once for every use case that takes them.</summary>
internal static partial class AccountInput
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 256;
    public const int MaxPasswordLength = 200;
    public const int MaxPhoneLength = 20;

    /// <summary>A required name of at most 200 visible characters; the trimmed name when it is fine.</summary>
    public static string? Name(List<FieldError> errors, string field, string? typed)
    {
        var name = typed?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new(field, "Enter your name"));
        else if (name.Length > MaxNameLength) errors.Add(new(field, $"Your name must be {MaxNameLength} characters or fewer"));
        else if (PlainText.LineProblem("Your name", name) is { } problem) errors.Add(new(field, problem));
        else return name;
        return null;
    }

    /// <summary>A required e-mail address; the trimmed address when it is fine.</summary>
    public static string? Email(List<FieldError> errors, string field, string? typed)
    {
        var email = typed?.Trim();
        if (string.IsNullOrEmpty(email)) errors.Add(new(field, Messages.EnterEmail));
        else if (email.Length > MaxEmailLength || PlainText.IdentifierProblem("Your e-mail address", email) is not null || !new EmailAddressAttribute().IsValid(email)) errors.Add(new(field, Messages.EmailFormat));
        else return email;
        return null;
    }

    /// <summary>A new password of 10 to 200 characters, typed the same twice.</summary>
    public static void NewPassword(List<FieldError> errors, string field, string confirmField, string? password, string? confirm,
        string enter = "Enter a password", string tooShort = Messages.PasswordLength, string enterAgain = "Confirm your password", string differ = Messages.PasswordsDiffer)
    {
        if (string.IsNullOrEmpty(password)) errors.Add(new(field, enter));
        else if (password.Length is < 10 or > MaxPasswordLength) errors.Add(new(field, password.Length < 10 ? tooShort : $"Your password must be {MaxPasswordLength} characters or fewer"));
        else if (PlainText.ParagraphsProblem("Your password", password) is { } problem) errors.Add(new(field, problem));
        if (string.IsNullOrEmpty(confirm)) errors.Add(new(confirmField, enterAgain));
        else if (!string.IsNullOrEmpty(password) && confirm != password) errors.Add(new(confirmField, differ));
    }

    /// <summary>An optional UK or international phone number: 7 to 15 digits, with spaces, brackets, dashes or a leading +.</summary>
    public static string? Phone(List<FieldError> errors, string field, string? typed)
    {
        var phone = typed?.Trim();
        if (string.IsNullOrEmpty(phone)) return null;
        var digits = phone.Count(char.IsAsciiDigit);
        if (phone.Length > MaxPhoneLength || !PhoneShape().IsMatch(phone) || digits is < 7 or > 15)
        {
            errors.Add(new(field, "Enter a phone number, like 01632 960 001 or 07700 900 982 (at most 15 digits)"));
            return null;
        }
        return phone;
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();
}

using System.Globalization;
using System.Text.RegularExpressions;
using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// A provider user saves one step of the registration wizard to their draft (made on the first
/// save). A finished step is marked done; "Save and come back later" keeps an unfinished step too —
/// only answers that cannot be stored at all (a wrong format, too long) stop it.
/// </summary>
public sealed partial class SaveRegistrationStep(PortalDbContext db, TimeProvider clock)
{
    public sealed record Item(string? Kind, string? Number, string? Details, string? ExpiresOn);

    public sealed record Input(
        RegistrationStep Step, bool SaveLater, string? Kind, string? Name, string? Summary, string? Website, string? WorkerCount,
        string? ContactEmail, string? Phone, string? AddressLine, string? Town, string? Postcode, IReadOnlyList<Item> Items);

    /// <summary>Done: the draft as saved.</summary>
    public async Task<UseCaseResult<ProviderRegistration>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (actor.UserId is not { } userId) return UseCaseResult<ProviderRegistration>.NotFound();
        var draft = await DraftOfAsync(db, userId, ct);
        if (input.Step == RegistrationStep.Check || !(draft?.CanOpen(input.Step) ?? input.Step == RegistrationStep.Kind)) return UseCaseResult<ProviderRegistration>.NotFound();
        var now = clock.GetUtcNow();
        var kind = KindOf(input.Kind) ?? draft?.Kind;
        var problems = Validate(input, kind, DateOnly.FromDateTime(now.UtcDateTime));
        var refused = problems.Where(p => !input.SaveLater || !p.Missing).Select(p => new FieldError(p.Field, p.Message)).ToList();
        if (refused.Count > 0) return UseCaseResult<ProviderRegistration>.Invalid(refused);

        if (draft is null)
        {
            draft = new ProviderRegistration { UserId = userId, CreatedAt = now };
            db.ProviderRegistrations.Add(draft);
        }
        Apply(input, draft);
        draft.UpdatedAt = now;
        if (problems.Count == 0) draft.Complete(input.Step);
        else draft.Uncomplete(input.Step);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return UseCaseResult<ProviderRegistration>.Conflict("Your registration was saved from another window at the same moment, so this step was not saved. Check it and save again.");
        }
        return UseCaseResult<ProviderRegistration>.Done(draft);
    }

    /// <summary>The user's unfinished draft, with its items.</summary>
    public static Task<ProviderRegistration?> DraftOfAsync(PortalDbContext db, string userId, CancellationToken ct) =>
        db.ProviderRegistrations.Include(r => r.Items).FirstOrDefaultAsync(r => r.UserId == userId && r.SubmittedAt == null, ct);

    public static ProviderKind? KindOf(string? typed) =>
        Enum.TryParse<ProviderKind>(typed, out var k) && Enum.IsDefined(k) && !int.TryParse(typed, out _) ? k : null;

    /// <summary>Every problem with the step's answers; <c>Missing</c> marks "not answered yet", which saving for later allows.</summary>
    private static List<(string Field, string Message, bool Missing)> Validate(Input input, ProviderKind? kind, DateOnly today)
    {
        var problems = new List<(string, string, bool)>();
        void Missing(string field, string message) => problems.Add((field, message, true));
        void Wrong(string field, string message) => problems.Add((field, message, false));
        void Text(string field, string? value, int max, string what, Func<string, string?, string?> rule)
        {
            if (value?.Trim().Length > max) Wrong(field, $"{what} must be {max} characters or fewer");
            else if (rule(what, value?.Trim()) is { } problem) Wrong(field, problem);
        }

        switch (input.Step)
        {
            case RegistrationStep.Kind:
                if (KindOf(input.Kind) is null) Wrong(nameof(Input.Kind), "Choose what kind of provider you are");
                break;
            case RegistrationStep.About:
                if (string.IsNullOrWhiteSpace(input.Name)) Missing(nameof(Input.Name), kind == ProviderKind.PersonalAssistant ? "Enter your name" : "Enter the name of the organisation");
                Text(nameof(Input.Name), input.Name, 200, "The name", PlainText.LineProblem);
                if (string.IsNullOrWhiteSpace(input.Summary)) Missing(nameof(Input.Summary), "Describe what you offer, in a few plain sentences");
                Text(nameof(Input.Summary), input.Summary, 2000, "The description", PlainText.ParagraphsProblem);
                if (!string.IsNullOrWhiteSpace(input.Website) && !(Uri.TryCreate(input.Website.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                {
                    Wrong(nameof(Input.Website), "Enter the website address in full, starting with https://");
                }
                Text(nameof(Input.Website), input.Website, 300, "The website address", PlainText.IdentifierProblem);
                if (kind == ProviderKind.MicroProvider)
                {
                    if (string.IsNullOrWhiteSpace(input.WorkerCount)) Missing(nameof(Input.WorkerCount), "Enter how many people work in it, including you");
                    else if (!int.TryParse(input.WorkerCount, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) Wrong(nameof(Input.WorkerCount), "Enter how many people work in it as a whole number, like 3");
                    else if (n > 5) Wrong(nameof(Input.WorkerCount), "A micro-provider has five or fewer workers. With more, go back and choose registered organisation");
                }
                break;
            case RegistrationStep.Contact:
                if (string.IsNullOrWhiteSpace(input.ContactEmail)) Missing(nameof(Input.ContactEmail), "Enter a contact e-mail address");
                else if (!new EmailAddressAttribute().IsValid(input.ContactEmail.Trim())) Wrong(nameof(Input.ContactEmail), "Enter an e-mail address in the right format, like name@example.com");
                Text(nameof(Input.ContactEmail), input.ContactEmail, 256, "The e-mail address", PlainText.IdentifierProblem);
                if (!string.IsNullOrWhiteSpace(input.Phone) && !input.Phone.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-'))
                {
                    Wrong(nameof(Input.Phone), "Enter a phone number using digits, like 01224 123456");
                }
                Text(nameof(Input.Phone), input.Phone, 40, "The phone number", PlainText.IdentifierProblem);
                if (string.IsNullOrWhiteSpace(input.AddressLine)) Missing(nameof(Input.AddressLine), "Enter the first line of the address");
                Text(nameof(Input.AddressLine), input.AddressLine, 300, "The address", PlainText.LineProblem);
                if (string.IsNullOrWhiteSpace(input.Town)) Missing(nameof(Input.Town), "Enter the town or city");
                Text(nameof(Input.Town), input.Town, 100, "The town", PlainText.LineProblem);
                if (string.IsNullOrWhiteSpace(input.Postcode)) Missing(nameof(Input.Postcode), "Enter the postcode");
                else if (!Postcode().IsMatch(input.Postcode.Trim())) Wrong(nameof(Input.Postcode), "Enter a real postcode, like AB10 1AB");
                break;
            case RegistrationStep.Passport:
                var required = kind is { } k ? ProviderVerification.RequiredFor(k) : [];
                if (input.Items.Count != required.Count || input.Items.Select(i => i.Kind).Except(required.Select(r => r.ToString())).Any())
                {
                    Wrong(FieldError.Form, "The form was out of date. Check the items below and save again");
                    break;
                }
                for (var i = 0; i < input.Items.Count; i++)
                {
                    var item = input.Items[i];
                    var itemKind = required[i];
                    var name = PassportItem.KindDisplayName(itemKind);
                    if (string.IsNullOrWhiteSpace(item.Number)) Missing($"Items[{i}].Number", $"Enter the {name} number");
                    Text($"Items[{i}].Number", item.Number, 100, $"The {name} number", PlainText.IdentifierProblem);
                    Text($"Items[{i}].Details", item.Details, 2000, $"The {name} details", PlainText.ParagraphsProblem);
                    if (string.IsNullOrWhiteSpace(item.ExpiresOn))
                    {
                        if (PassportItem.IsInsurance(itemKind)) Missing($"Items[{i}].ExpiresOn", $"Enter the date the {name} policy ends");
                    }
                    else if (!DateOnly.TryParseExact(item.ExpiresOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    {
                        Wrong($"Items[{i}].ExpiresOn", $"Enter the {name} expiry date as a real date, like 2027-03-31");
                    }
                    else if (d <= today) Wrong($"Items[{i}].ExpiresOn", $"The {name} expiry date must be in the future");
                }
                break;
        }
        return problems;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Apply(Input input, ProviderRegistration draft)
    {
        switch (input.Step)
        {
            case RegistrationStep.Kind:
                draft.ChangeKind(KindOf(input.Kind)!.Value);
                break;
            case RegistrationStep.About:
                draft.Name = Clean(input.Name);
                draft.Summary = Clean(input.Summary);
                draft.Website = Clean(input.Website);
                draft.WorkerCount = draft.Kind == ProviderKind.MicroProvider && int.TryParse(input.WorkerCount, CultureInfo.InvariantCulture, out var n) ? n : null;
                break;
            case RegistrationStep.Contact:
                draft.ContactEmail = Clean(input.ContactEmail);
                draft.Phone = Clean(input.Phone);
                draft.AddressLine = Clean(input.AddressLine);
                draft.Town = Clean(input.Town);
                draft.Postcode = Clean(input.Postcode)?.ToUpperInvariant();
                break;
            case RegistrationStep.Passport:
                foreach (var item in input.Items)
                {
                    draft.RecordItem(Enum.Parse<PassportItemKind>(item.Kind!), Clean(item.Number), Clean(item.Details),
                        DateOnly.TryParseExact(item.ExpiresOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null);
                }
                break;
        }
    }

    [GeneratedRegex("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")]
    private static partial Regex Postcode();
}

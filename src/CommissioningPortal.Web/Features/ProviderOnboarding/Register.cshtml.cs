using System.Globalization;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// <c>/provider/register/{step}</c>: the registration wizard. Each step saves to a draft in the
/// database; "Save and come back later" keeps what was typed; coming back lands on the first
/// unfinished step. Submitting the check page creates the provider and links the user to it.
/// </summary>
[Authorize(Roles = Roles.ProviderUser)]
public sealed class RegisterModel(PortalDbContext db, UserManager<PortalUser> users, ProviderAccount account, TimeProvider clock) : PageModel
{
    public const string SaveLater = "save-later";

    public static readonly IReadOnlyList<(ProviderKind Kind, string Hint)> KindChoices =
    [
        (ProviderKind.RegisteredOrganisation, "A charity, company or social enterprise registered with the Care Inspectorate."),
        (ProviderKind.MicroProvider, "A small community enterprise with five or fewer workers."),
        (ProviderKind.PersonalAssistant, "You are self-employed and work directly for the people you support."),
        (ProviderKind.NonCareSupplier, "Not care, but something a person's budget can buy: a gym, an art studio, an outdoor centre."),
    ];

    [FromRoute] public string? Step { get; set; }

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public string? WorkerCount { get; set; }
    [BindProperty] public string? ContactEmail { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? AddressLine { get; set; }
    [BindProperty] public string? Town { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public List<ItemInput> Items { get; set; } = [];
    [BindProperty(Name = "action")] public string? Action { get; set; }

    public RegistrationStep Current { get; private set; }
    public ProviderRegistration? Draft { get; private set; }

    /// <summary>The steps the person sees (all kinds walk the same five, with questions fitted to the kind).</summary>
    public static IReadOnlyList<RegistrationStep> Steps => ProviderRegistration.Steps;

    public sealed class ItemInput
    {
        public string? Kind { get; set; }
        public string? Number { get; set; }
        public string? Details { get; set; }
        public string? ExpiresOn { get; set; }
    }

    public static string Slug(RegistrationStep step) => step.ToString().ToLowerInvariant();

    public static string Path(RegistrationStep step) => "/provider/register/" + Slug(step);

    public static string Title(RegistrationStep step, ProviderKind? kind) => step switch
    {
        RegistrationStep.Kind => "What kind of provider are you?",
        RegistrationStep.About => kind == ProviderKind.PersonalAssistant ? "About you" : "About your organisation",
        RegistrationStep.Contact => "Contact details and address",
        RegistrationStep.Passport => "Your passport",
        RegistrationStep.Check => "Check your answers",
        _ => step.ToString(),
    };

    public ProviderKind? SelectedKind => Enum.TryParse<ProviderKind>(Kind, out var k) && Enum.IsDefined(k) ? k : Draft?.Kind;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await account.ProviderIdAsync(User, ct) is not null) return Redirect("/provider");
        Draft = await LoadDraftAsync(ct);
        if (Step is null) return Redirect(Path(Draft?.FirstUnfinished() ?? RegistrationStep.Kind));
        if (!TryParseStep(Step, out var step)) return NotFound();
        if (!(Draft?.CanOpen(step) ?? step == RegistrationStep.Kind)) return Redirect(Path(Draft?.FirstUnfinished() ?? RegistrationStep.Kind));
        Current = step;
        Fill(Draft);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        if (await account.ProviderIdAsync(User, ct) is not null) return Redirect("/provider");
        if (Step is null || !TryParseStep(Step, out var step)) return NotFound();
        Draft = await LoadDraftAsync(ct);
        if (!(Draft?.CanOpen(step) ?? step == RegistrationStep.Kind)) return Redirect(Path(Draft?.FirstUnfinished() ?? RegistrationStep.Kind));
        Current = step;
        var now = clock.GetUtcNow();

        if (step == RegistrationStep.Check) return await SubmitAsync(userId, now, ct);

        var saveLater = Action == SaveLater;
        var problems = Validate(step, Draft, now);
        // "Save and come back later" keeps an unfinished step; only what cannot be stored at all stops it.
        foreach (var (field, message, missing) in problems.Where(p => !saveLater || !p.Missing)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Draft is null)
        {
            Draft = new ProviderRegistration { UserId = userId, CreatedAt = now };
            db.ProviderRegistrations.Add(Draft);
        }
        Apply(step, Draft);
        Draft.UpdatedAt = now;
        if (problems.Count == 0) Draft.Complete(step);
        else Draft.Uncomplete(step);
        await db.SaveChangesAsync(ct);

        if (saveLater)
        {
            return Redirect("/provider/register/saved");
        }
        return Redirect(Path(Draft.FirstUnfinished() > step ? Draft.FirstUnfinished() : step + 1));
    }

    private async Task<IActionResult> SubmitAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        var draft = Draft!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        var (provider, items) = draft.Submit(now);
        db.Providers.Add(provider);
        db.PassportItems.AddRange(items);
        ProviderVerification.Refresh(provider, items, DateOnly.FromDateTime(now.UtcDateTime));
        user.ProviderId = provider.Id;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await account.RefreshSignInAsync(user);
        TempData["StatusMessage"] = "You are registered. Upload the evidence for each passport item so a commissioner can verify it.";
        return Redirect("/provider/passport");
    }

    private async Task<ProviderRegistration?> LoadDraftAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User);
        return await db.ProviderRegistrations.Include(r => r.Items).FirstOrDefaultAsync(r => r.UserId == userId && r.SubmittedAt == null, ct);
    }

    private static bool TryParseStep(string slug, out RegistrationStep step) =>
        Enum.TryParse(slug, ignoreCase: true, out step) && Enum.IsDefined(step) && !int.TryParse(slug, out _);

    /// <summary>The passport items the draft's kind needs, in order.</summary>
    public IReadOnlyList<PassportItemKind> RequiredItems => SelectedKind is { } k ? ProviderVerification.RequiredFor(k) : [];

    private void Fill(ProviderRegistration? draft)
    {
        if (draft is null) return;
        Kind = draft.Kind?.ToString();
        Name = draft.Name;
        Summary = draft.Summary;
        Website = draft.Website;
        WorkerCount = draft.WorkerCount?.ToString(CultureInfo.InvariantCulture);
        ContactEmail = draft.ContactEmail;
        Phone = draft.Phone;
        AddressLine = draft.AddressLine;
        Town = draft.Town;
        Postcode = draft.Postcode;
        Items = RequiredItems.Select(k => draft.Items.FirstOrDefault(i => i.Kind == k) is { } i
            ? new ItemInput { Kind = k.ToString(), Number = i.Number, Details = i.Details, ExpiresOn = i.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
            : new ItemInput { Kind = k.ToString() }).ToList();
    }

    /// <summary>Every problem with the step's answers; <c>Missing</c> marks "not answered yet", which saving for later allows.</summary>
    private List<(string Field, string Message, bool Missing)> Validate(RegistrationStep step, ProviderRegistration? draft, DateTimeOffset now)
    {
        var problems = new List<(string, string, bool)>();
        void Missing(string field, string message) => problems.Add((field, message, true));
        void Wrong(string field, string message) => problems.Add((field, message, false));
        void Length(string field, string? value, int max, string what)
        {
            if (value?.Trim().Length > max) Wrong(field, $"{what} must be {max} characters or fewer");
        }

        var kind = SelectedKind;
        switch (step)
        {
            case RegistrationStep.Kind:
                if (string.IsNullOrWhiteSpace(Kind)) problems.Add((nameof(Kind), "Choose what kind of provider you are", false));
                else if (!Enum.TryParse<ProviderKind>(Kind, out var k) || !Enum.IsDefined(k)) Wrong(nameof(Kind), "Choose what kind of provider you are");
                break;
            case RegistrationStep.About:
                if (string.IsNullOrWhiteSpace(Name)) Missing(nameof(Name), kind == ProviderKind.PersonalAssistant ? "Enter your name" : "Enter the name of the organisation");
                Length(nameof(Name), Name, 200, "The name");
                if (string.IsNullOrWhiteSpace(Summary)) Missing(nameof(Summary), "Describe what you offer, in a few plain sentences");
                Length(nameof(Summary), Summary, 2000, "The description");
                if (!string.IsNullOrWhiteSpace(Website) && !(Uri.TryCreate(Website.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                {
                    Wrong(nameof(Website), "Enter the website address in full, starting with https://");
                }
                Length(nameof(Website), Website, 300, "The website address");
                if (kind == ProviderKind.MicroProvider)
                {
                    if (string.IsNullOrWhiteSpace(WorkerCount)) Missing(nameof(WorkerCount), "Enter how many people work in it, including you");
                    else if (!int.TryParse(WorkerCount, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) Wrong(nameof(WorkerCount), "Enter how many people work in it as a whole number, like 3");
                    else if (n > 5) Wrong(nameof(WorkerCount), "A micro-provider has five or fewer workers. With more, go back and choose registered organisation");
                }
                break;
            case RegistrationStep.Contact:
                if (string.IsNullOrWhiteSpace(ContactEmail)) Missing(nameof(ContactEmail), "Enter a contact e-mail address");
                else if (!new EmailAddressAttribute().IsValid(ContactEmail.Trim())) Wrong(nameof(ContactEmail), "Enter an e-mail address in the right format, like name@example.com");
                Length(nameof(ContactEmail), ContactEmail, 256, "The e-mail address");
                if (!string.IsNullOrWhiteSpace(Phone) && !Phone.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-'))
                {
                    Wrong(nameof(Phone), "Enter a phone number using digits, like 01224 123456");
                }
                Length(nameof(Phone), Phone, 40, "The phone number");
                if (string.IsNullOrWhiteSpace(AddressLine)) Missing(nameof(AddressLine), "Enter the first line of the address");
                Length(nameof(AddressLine), AddressLine, 300, "The address");
                if (string.IsNullOrWhiteSpace(Town)) Missing(nameof(Town), "Enter the town or city");
                Length(nameof(Town), Town, 100, "The town");
                if (string.IsNullOrWhiteSpace(Postcode)) Missing(nameof(Postcode), "Enter the postcode");
                else if (!System.Text.RegularExpressions.Regex.IsMatch(Postcode.Trim(), "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")) Wrong(nameof(Postcode), "Enter a real postcode, like AB10 1AB");
                break;
            case RegistrationStep.Passport:
                var today = DateOnly.FromDateTime(now.UtcDateTime);
                var required = RequiredItems;
                if (Items.Count != required.Count || Items.Select(i => i.Kind).Except(required.Select(r => r.ToString())).Any())
                {
                    Wrong("", "The form was out of date. Check the items below and save again");
                    Items = required.Select(r => new ItemInput { Kind = r.ToString() }).ToList();
                    break;
                }
                for (var i = 0; i < Items.Count; i++)
                {
                    var item = Items[i];
                    var itemKind = required[i];
                    var name = PassportItem.KindDisplayName(itemKind);
                    if (string.IsNullOrWhiteSpace(item.Number)) Missing($"Items[{i}].Number", $"Enter the {name} number");
                    Length($"Items[{i}].Number", item.Number, 100, $"The {name} number");
                    Length($"Items[{i}].Details", item.Details, 2000, $"The {name} details");
                    if (string.IsNullOrWhiteSpace(item.ExpiresOn))
                    {
                        if (IsInsurance(itemKind)) Missing($"Items[{i}].ExpiresOn", $"Enter the date the {name} policy ends");
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

    public static bool IsInsurance(PassportItemKind kind) => kind is PassportItemKind.PublicLiability or PassportItemKind.EmployersLiability;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void Apply(RegistrationStep step, ProviderRegistration draft)
    {
        switch (step)
        {
            case RegistrationStep.Kind:
                draft.ChangeKind(Enum.Parse<ProviderKind>(Kind!));
                break;
            case RegistrationStep.About:
                draft.Name = Clean(Name);
                draft.Summary = Clean(Summary);
                draft.Website = Clean(Website);
                draft.WorkerCount = draft.Kind == ProviderKind.MicroProvider && int.TryParse(WorkerCount, CultureInfo.InvariantCulture, out var n) ? n : null;
                break;
            case RegistrationStep.Contact:
                draft.ContactEmail = Clean(ContactEmail);
                draft.Phone = Clean(Phone);
                draft.AddressLine = Clean(AddressLine);
                draft.Town = Clean(Town);
                draft.Postcode = Clean(Postcode)?.ToUpperInvariant();
                break;
            case RegistrationStep.Passport:
                var required = RequiredItems;
                for (var i = 0; i < Items.Count; i++)
                {
                    var saved = draft.Items.FirstOrDefault(x => x.Kind == required[i]);
                    if (saved is null)
                    {
                        saved = new ProviderRegistrationItem { RegistrationId = draft.Id, Kind = required[i] };
                        draft.Items.Add(saved);
                        db.ProviderRegistrationItems.Add(saved);
                    }
                    saved.Number = Clean(Items[i].Number);
                    saved.Details = Clean(Items[i].Details);
                    saved.ExpiresOn = DateOnly.TryParseExact(Items[i].ExpiresOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                }
                break;
        }
    }
}

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
public sealed class RegisterModel(PortalDbContext db, UserManager<PortalUser> users, ProviderAccount account, SaveRegistrationStep saveStep, SubmitRegistration submit) : PageModel
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

    public ProviderKind? SelectedKind => SaveRegistrationStep.KindOf(Kind) ?? Draft?.Kind;

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
        if (await account.ProviderIdAsync(User, ct) is not null) return Redirect("/provider");
        if (Step is null || !TryParseStep(Step, out var step)) return NotFound();
        Draft = await LoadDraftAsync(ct);
        if (!(Draft?.CanOpen(step) ?? step == RegistrationStep.Kind)) return Redirect(Path(Draft?.FirstUnfinished() ?? RegistrationStep.Kind));
        Current = step;

        if (step == RegistrationStep.Check)
        {
            var submitted = await submit.HandleAsync(Actor.Of(User), ct);
            if (!submitted.Succeeded) return this.Refused(submitted);
            await account.RefreshSignInAsync(submitted.Value!);
            TempData["StatusMessage"] = "You are registered. Upload the evidence for each passport item so a commissioner can verify it.";
            return Redirect("/provider/passport");
        }

        var saveLater = Action == SaveLater;
        var result = await saveStep.HandleAsync(new SaveRegistrationStep.Input(step, saveLater, Kind, Name, Summary, Website, WorkerCount,
            ContactEmail, Phone, AddressLine, Town, Postcode, Items.Select(i => new SaveRegistrationStep.Item(i.Kind, i.Number, i.Details, i.ExpiresOn)).ToList()),
            Actor.Of(User), ct);
        if (!result.Succeeded)
        {
            // A passport step posted for another kind of provider: show the items this kind needs.
            if (step == RegistrationStep.Passport && !Items.Select(i => i.Kind).SequenceEqual(RequiredItems.Select(r => r.ToString())))
            {
                Items = RequiredItems.Select(r => new ItemInput { Kind = r.ToString() }).ToList();
            }
            return this.Refused(result);
        }
        if (saveLater) return Redirect("/provider/register/saved");
        var draft = result.Value!;
        return Redirect(Path(draft.FirstUnfinished() > step ? draft.FirstUnfinished() : step + 1));
    }

    private async Task<ProviderRegistration?> LoadDraftAsync(CancellationToken ct) =>
        users.GetUserId(User) is { } userId ? await SaveRegistrationStep.DraftOfAsync(db, userId, ct) : null;

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
}

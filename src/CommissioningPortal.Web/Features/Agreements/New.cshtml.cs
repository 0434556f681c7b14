using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>
/// A practitioner starts a three-way agreement: the person (and representative), the provider, the
/// terms. "Preview" shows the PDF without saving; "Offer" records everything and offers version 1.
/// </summary>
[Authorize(Policy = Policies.AuthorityStaff)]
[OneTimeForm]
public sealed class NewModel(PortalDbContext db, AgreementService agreements, AgreementDocuments documents, UserManager<PortalUser> users, TimeProvider clock,
    AgreementInvitations invitations) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the person's name"), StringLength(200, ErrorMessage = "The person's name must be 200 characters or fewer")]
    public string? PersonName { get; set; }

    [BindProperty, StringLength(500, ErrorMessage = "The person's address must be 500 characters or fewer")]
    public string? PersonAddress { get; set; }

    [BindProperty, EmailAddress(ErrorMessage = "Enter the person's e-mail address like name@example.com"), StringLength(256, ErrorMessage = "The person's e-mail address must be 256 characters or fewer")]
    public string? PersonEmail { get; set; }

    [BindProperty, StringLength(200, ErrorMessage = "The representative's name must be 200 characters or fewer")]
    public string? RepresentativeName { get; set; }

    [BindProperty, StringLength(100, ErrorMessage = "The representative's relationship must be 100 characters or fewer")]
    public string? RepresentativeRelationship { get; set; }

    [BindProperty, EmailAddress(ErrorMessage = "Enter the representative's e-mail address like name@example.com"), StringLength(256, ErrorMessage = "The representative's e-mail address must be 256 characters or fewer")]
    public string? RepresentativeEmail { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose the provider")]
    public Guid? ProviderId { get; set; }

    [BindProperty]
    public AgreementForm Terms { get; set; } = new();

    /// <summary>A provider as the drop-down shows it: verified or not, on the authority's framework or not.</summary>
    public sealed record ProviderOption(Guid Id, string Name, ProviderKind Kind, bool Verified, bool OnFramework)
    {
        public string Label => $"{Name} ({Provider.KindDisplayName(Kind)}) — {(Verified ? "verified" : "not verified")}{(OnFramework ? ", on our framework" : "")}";
    }

    public IReadOnlyList<ProviderOption> Providers { get; private set; } = [];

    /// <summary>The request whose choice this agreement follows (issue 17): its outcomes, budget and provider fill the form, and the person's record is used.</summary>
    [BindProperty(SupportsGet = true, Name = "request")] public Guid? RequestId { get; set; }

    /// <summary>The framework call-off whose chosen provider this agreement is with (issue 16): its person, provider and start fill the form.</summary>
    [BindProperty(SupportsGet = true, Name = "calloff")] public Guid? CallOffId { get; set; }

    /// <summary>The person's record the agreement is for, when it follows a request or a call-off.</summary>
    public SupportedPerson? FromRecord { get; private set; }

    /// <summary>Whether providers not verified are listed too (the list defaults to verified ones).</summary>
    [BindProperty(SupportsGet = true)] public bool AllProviders { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!agreements.MayOffer(User)) return Forbid(); // who may offer is the isf-agreement definition's answer
        if (RequestId is not null)
        {
            var chosen = await ChosenAsync(ct);
            if (chosen is null) return NotFound();
            var (request, person, providerId) = chosen.Value;
            FromRecord = person;
            PersonName = person.Name;
            PersonAddress = person.Address;
            RepresentativeName = person.RepresentativeName;
            RepresentativeRelationship = person.RepresentativeRelationship;
            ProviderId = providerId;
            AllProviders = true; // the chosen provider is listed whether verified or not
            Terms.Outcomes = request.Outcomes;
            Terms.WeeklyBudget = (request.WeeklyBudget ?? person.WeeklyBudget) + 0.00m; // shown as 300.00
            Terms.StartDate = request.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Terms.ReviewDate = request.StartDate.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (person.BudgetSetBy is { } setBy) Terms.HowBudgetWasSet = $"Indicative budget set using {SupportedPerson.Describe(setBy)}{(person.BudgetSetDetail is { } d ? $": {d}" : "")}; request {request.Reference}.";
            if (person.BudgetHolderKind is { } holder) Terms.BudgetHolderKind = holder;
            Terms.BudgetHolder = person.BudgetHolderName;
        }
        else if (CallOffId is not null)
        {
            if (await CallOffAsync(ct) is not { } fromCallOff) return NotFound();
            var (callOff, person) = fromCallOff;
            FromRecord = person;
            PersonName = person.Name;
            PersonAddress = person.Address;
            RepresentativeName = person.RepresentativeName;
            RepresentativeRelationship = person.RepresentativeRelationship;
            ProviderId = callOff.ChosenProviderId;
            AllProviders = true;
            Terms.StartDate = callOff.StartOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Terms.ReviewDate = callOff.StartOn.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Terms.WeeklyBudget ??= person.WeeklyBudget;
            Terms.HowBudgetWasSet = $"Called off from the framework at {callOff.PriceText}{(callOff.HoursPerWeek is { } h ? $" for {h} hours a week" : "")} ({Domain.Frameworks.CallOff.MethodDisplayName(callOff.Method).ToLowerInvariant()}).";
            if (person.BudgetHolderKind is { } holder) Terms.BudgetHolderKind = holder;
            Terms.BudgetHolder = person.BudgetHolderName;
        }
        // The carry-over starts as the authority's default; the practitioner can change it for this agreement.
        if (User.AuthorityIdOf() is { } authorityId)
            Terms.CarryOverWeeks = await db.Authorities.AsNoTracking().Where(a => a.Id == authorityId).Select(a => a.DefaultCarryOverWeeks).SingleAsync(ct);
        Providers = await ProvidersAsync(ct);
        return Page();
    }

    /// <summary>The authority's decided call-off (a provider chosen, no agreement yet) and its person's record, tracked; null otherwise.</summary>
    private async Task<(Domain.Frameworks.CallOff CallOff, SupportedPerson Person)?> CallOffAsync(CancellationToken ct)
    {
        var authorityId = User.AuthorityIdOf();
        var callOff = await db.CallOffs.FirstOrDefaultAsync(c => c.Id == CallOffId && c.AuthorityId == authorityId, ct);
        if (callOff is null || callOff.Status != Domain.Frameworks.CallOffStatus.Decided) return null;
        var person = await db.SupportedPeople.FirstOrDefaultAsync(p => p.Id == callOff.SupportedPersonId && p.AuthorityId == authorityId, ct);
        return person is null ? null : (callOff, person);
    }

    /// <summary>The request (its choice standing), the person's record and the chosen provider, when the practitioner is the person's allocated practitioner.</summary>
    private async Task<(Domain.People.SupportRequest Request, SupportedPerson Person, Guid ProviderId)?> ChosenAsync(CancellationToken ct)
    {
        var request = await db.SupportRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == RequestId, ct);
        if (request is null || request.Status != Domain.People.RequestStatus.Chosen || request.ChosenOfferId is not { } offerId) return null;
        var person = await db.SupportedPeople.FirstOrDefaultAsync(p => p.Id == request.SupportedPersonId, ct);
        var userId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (person is null || person.AuthorityId != User.AuthorityIdOf() || person.AllocatedPractitionerUserId != userId) return null;
        return (request, person, request.Offers.Single(o => o.Id == offerId).ProviderId);
    }

    public Task<IActionResult> OnPostPreviewAsync(CancellationToken ct) => SubmitAsync(preview: true, ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(preview: false, ct);

    private async Task<IActionResult> SubmitAsync(bool preview, CancellationToken ct)
    {
        if (!agreements.MayOffer(User)) return Forbid(); // who may offer is the isf-agreement definition's answer
        (Domain.People.SupportRequest Request, SupportedPerson Person, Guid ProviderId)? chosen = null;
        if (RequestId is not null)
        {
            chosen = await ChosenAsync(ct);
            if (chosen is null) return NotFound();
            FromRecord = chosen.Value.Person;
            PersonName = FromRecord.Name;
            PersonEmail = null; // the record's own accounts are used
            RepresentativeEmail = null;
            ProviderId = chosen.Value.ProviderId;
            AllProviders = true;
        }
        (Domain.Frameworks.CallOff CallOff, SupportedPerson Person)? fromCallOff = null;
        if (RequestId is null && CallOffId is not null)
        {
            fromCallOff = await CallOffAsync(ct);
            if (fromCallOff is null) return NotFound();
            FromRecord = fromCallOff.Value.Person;
            PersonName = FromRecord.Name;
            PersonEmail = null;
            RepresentativeEmail = null;
            ProviderId = fromCallOff.Value.CallOff.ChosenProviderId;
            AllProviders = true;
        }
        var authorityId = User.AuthorityIdOf()!.Value;
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == authorityId, ct);
        var provider = ProviderId is { } pid ? await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid && p.ClosedAt == null, ct) : null;
        if (ProviderId is not null && provider is null) ModelState.AddModelError(nameof(ProviderId), "Choose the provider");
        if (!string.IsNullOrWhiteSpace(RepresentativeEmail) && string.IsNullOrWhiteSpace(RepresentativeName))
        {
            ModelState.AddModelError(nameof(RepresentativeName), "Enter the representative's name, or leave their e-mail empty");
        }
        var (personUser, invitePerson) = await LinkedUserAsync(nameof(PersonEmail), PersonEmail, Roles.SupportedPerson);
        var (representativeUser, inviteRepresentative) = await LinkedUserAsync(nameof(RepresentativeEmail), RepresentativeEmail, Roles.Representative);
        var registration = provider is null ? null : await db.PassportItems.AsNoTracking()
            .Where(i => i.ProviderId == provider.Id && i.Kind == Domain.Marketplace.PassportItemKind.CareInspectorateRegistration && i.Status == Domain.Marketplace.PassportItemStatus.Verified && i.Number != null)
            .Select(i => i.Number).FirstOrDefaultAsync(ct);
        var terms = Terms.ToTerms(nameof(Terms), ModelState, new AgreementTerms
        {
            PersonName = PersonName?.Trim() ?? "", PersonAddress = Blank(PersonAddress),
            RepresentativeName = Blank(RepresentativeName), RepresentativeRelationship = Blank(RepresentativeRelationship),
            ProviderName = provider?.Name ?? "", ProviderKind = provider?.Kind ?? default, ProviderEmail = provider?.ContactEmail, ProviderPhone = provider?.Phone, ProviderCareInspectorateNumber = registration,
            AuthorityName = authority.Name, AuthorityEmail = authority.ContactEmail, Practitioner = User.DisplayNameOf(),
            HowBudgetWasSet = "", BudgetHolder = "",
        }, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!ModelState.IsValid || terms is null || provider is null)
        {
            Providers = await ProvidersAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (preview)
        {
            var (_, markdown) = await agreements.TemplateForAsync(authorityId, ct);
            return File(documents.RenderOffered(markdown, terms, new AgreementIssue("PREVIEW", 1, clock.GetUtcNow(), [])), "application/pdf");
        }
        var person = chosen?.Person ?? fromCallOff?.Person ?? new SupportedPerson
        {
            AuthorityId = authorityId, Name = terms.PersonName, Address = terms.PersonAddress, UserId = personUser?.Id,
            RepresentativeName = terms.RepresentativeName, RepresentativeRelationship = terms.RepresentativeRelationship, RepresentativeUserId = representativeUser?.Id,
            // The practitioner's link, recorded: naming the representative with their account is saying they sign for the person.
            RepresentativeMaySign = representativeUser is not null,
            RepresentativeLinkedBy = representativeUser is null ? null : $"{User.DisplayNameOf()} (practitioner)",
            RepresentativeLinkedAt = representativeUser is null ? null : clock.GetUtcNow(),
            PersonInvitedEmail = invitePerson, RepresentativeInvitedEmail = inviteRepresentative,
            Outcomes = string.Join('\n', terms.Outcomes),
            AllocatedPractitionerUserId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, AllocatedPractitionerName = User.DisplayNameOf(),
        };
        // Anyone named without an account is invited to join (the e-mail goes with the offer's transaction, or not at all).
        if (invitePerson is not null) invitations.Invite(invitePerson, terms.PersonName, Roles.SupportedPerson, terms.PersonName, User.DisplayNameOf());
        if (inviteRepresentative is not null) invitations.Invite(inviteRepresentative, terms.RepresentativeName!, Roles.Representative, terms.PersonName, User.DisplayNameOf());
        // A call-off (tracked since it was read) records the agreement its choice led to, in the agreement's own transaction.
        var agreement = await agreements.StartAsync(person, provider, terms, User, ct,
            fromCallOff is { } c ? made => c.CallOff.RecordAgreement(made.Id) : null);
        var who = terms.RepresentativeName is not null && RepresentativeEmail is { Length: > 0 } ? terms.RepresentativeName : terms.PersonName;
        TempData["StatusMessage"] = personUser is not null || representativeUser is not null
            ? $"Agreement {agreement.Reference} offered. {who} can now read and accept it."
            : invitePerson is not null || inviteRepresentative is not null
                ? $"Agreement {agreement.Reference} offered. {who} has no portal account yet: we have e-mailed an invitation to join. Until then it waits for them to join, or you can record a signature on paper."
                : $"Agreement {agreement.Reference} offered. Nobody has a portal account for {terms.PersonName}: print it for a signature on paper, and record it on the agreement's page.";
        return Redirect($"/agreements/{agreement.Id}");
    }

    /// <summary>Open providers, verified ones first (only those unless <see cref="AllProviders"/>), marked with whether they are on the authority's framework.</summary>
    private async Task<IReadOnlyList<ProviderOption>> ProvidersAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var authorityId = User.AuthorityIdOf();
        var onFramework = (await (from m in db.LotMembers.AsNoTracking().Where(Domain.Frameworks.FrameworkMembership.StandsOn(today))
                                  join l in db.Lots.AsNoTracking() on m.LotId equals l.Id
                                  join f in db.Frameworks.AsNoTracking().Where(Domain.Frameworks.FrameworkMembership.InForceOn(today)) on l.FrameworkId equals f.Id
                                  where f.AuthorityId == authorityId
                                  select m.ProviderId).Distinct().ToListAsync(ct)).ToHashSet();
        var all = (await db.Providers.AsNoTracking().Where(p => p.ClosedAt == null).OrderBy(p => p.Name).ToListAsync(ct))
            .Select(p => new ProviderOption(p.Id, p.Name, p.Kind, p.IsVerifiedOn(today), onFramework.Contains(p.Id)))
            .OrderByDescending(p => p.Verified).ThenByDescending(p => p.OnFramework).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        // Keep a chosen unverified provider listed after a refused submit.
        return AllProviders ? all : all.Where(p => p.Verified || p.Id == ProviderId).ToList();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The portal account to link, when an e-mail is given and it holds the role; when nobody has an
    /// account with that address, the address to invite. An account in another role is refused.
    /// </summary>
    private async Task<(PortalUser? User, string? Invite)> LinkedUserAsync(string field, string? email, string role)
    {
        if (string.IsNullOrWhiteSpace(email) || !ModelState.IsValid && ModelState[field]?.Errors.Count > 0) return (null, null);
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return (null, email.Trim());
        if (!await users.IsInRoleAsync(user, role))
        {
            ModelState.AddModelError(field, $"That e-mail address belongs to a portal account that is not a {(role == Roles.Representative ? "representative" : "supported person")}'s. Check the address, or leave it empty.");
            return (null, null);
        }
        return (user, null);
    }
}

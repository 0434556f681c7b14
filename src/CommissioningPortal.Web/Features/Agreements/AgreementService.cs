using System.Security.Claims;
using System.Text.Json;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Web.Features.Processes;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.Agreements;

public enum AcceptOutcome { Accepted, NotYourTurn, Changed, Conflict, NotOpened, WrongSignatory }

/// <summary>What accepting came to, and when refused for a reason the user can act on, that reason in plain words.</summary>
public sealed record AcceptResult(AcceptOutcome Outcome, string? Message = null);

/// <summary>
/// Starting, offering, accepting and varying ISF agreements. Every operation is one transaction:
/// the agreement rows and the isf-agreement process step commit together or not at all.
/// </summary>
public sealed class AgreementService(PortalDbContext db, WorkflowRuntime runtime, AgreementDocuments documents, TimeProvider clock,
    Email.IEmailOutbox outbox, PublicLinks links, IWorkflowRoleDirectory roles)
{
    public const string ProcessId = "isf-agreement";
    public const string TemplateKind = "isf-agreement";

    /// <summary>How the agreement's process is found: <c>agreement:{id}</c>.</summary>
    public static string BusinessKey(Guid agreementId) => $"agreement:{agreementId}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AgreementTerms Terms(IsfAgreementVersion version) => JsonSerializer.Deserialize<AgreementTerms>(version.TermsJson, Json)!;

    /// <summary>The authority's published template, or the portal's default when it has none.</summary>
    public async Task<(Guid? Id, string Markdown)> TemplateForAsync(Guid authorityId, CancellationToken ct)
    {
        var published = await db.ContractTemplates.AsNoTracking()
            .Where(t => t.AuthorityId == authorityId && t.Kind == TemplateKind && t.PublishedAt != null)
            .OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
        return published is null ? (null, AgreementDocuments.DefaultTemplate) : (published.Id, published.Markdown);
    }

    /// <summary>Records the person, writes version 1 and offers it: the process goes draft → offered.</summary>
    /// <param name="alongside">A change to a tracked record that belongs with the new agreement (e.g. the call-off it comes from), saved in the same transaction.</param>
    public async Task<IsfAgreement> StartAsync(SupportedPerson person, Provider provider, AgreementTerms terms, ClaimsPrincipal user, CancellationToken ct, Action<IsfAgreement>? alongside = null)
    {
        var authorityId = person.AuthorityId;
        var authority = await db.Authorities.AsNoTracking().SingleAsync(a => a.Id == authorityId, ct);
        var count = await db.IsfAgreements.CountAsync(a => a.AuthorityId == authorityId, ct);
        var reference = $"{authority.Code.ToUpperInvariant()[..Math.Min(3, authority.Code.Length)]}-ISF-{count + 1:0000}";
        var now = clock.GetUtcNow();
        var actor = ProcessAccess.ActorOf(user);

        // One transaction around starting the process, the records and the "offer" step.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var agreementId = Guid.NewGuid();
        var instance = await runtime.StartAsync(ProcessId, $"ISF agreement {reference}: {person.Name}", authorityId,
            new Dictionary<string, object?> { ["reviewDate"] = new DateTimeOffset(terms.ReviewDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) }, actor, ct,
            businessKey: BusinessKey(agreementId));
        if (db.Entry(person).State == EntityState.Detached)
        {
            person.CreatedAt = now; // a new person; one whose record a practitioner made (issue 17) is already tracked
            db.SupportedPeople.Add(person);
        }
        var agreement = new IsfAgreement
        {
            Id = agreementId,
            Reference = reference, AuthorityId = authorityId, SupportedPersonId = person.Id, ProviderId = provider.Id,
            WorkflowInstanceId = instance.Id, CurrentVersion = 1, CreatedAt = now, CreatedBy = actor.Name,
        };
        db.IsfAgreements.Add(agreement);
        alongside?.Invoke(agreement);
        await AddVersionAsync(agreement, terms, null, actor.Name, ct);
        await NotifyAsync(agreement, person, "offered", ct);
        var fired = await runtime.FireAsync(instance.Id, "offer", actor, ct: ct);
        if (fired.Outcome != FireOutcome.Fired) throw new InvalidOperationException($"Could not offer the agreement: {fired.Outcome} {fired.Message}");
        await transaction.CommitAsync(ct);
        return agreement;
    }

    /// <summary>A variation: version N+1 with a plain summary of what changed, offered again for all three acceptances.</summary>
    public async Task<FireResult> VaryAsync(IsfAgreement agreement, AgreementTerms terms, string changeSummary, string reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = ProcessAccess.ActorOf(user);
        agreement.CurrentVersion += 1;
        await AddVersionAsync(agreement, terms, changeSummary, actor.Name, ct, reason.Trim());
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == agreement.SupportedPersonId, ct);
        await NotifyAsync(agreement, person, "offered", ct);
        return await runtime.FireAsync(agreement.WorkflowInstanceId, "vary", actor, $"{reason.Trim()} — {changeSummary}", ct: ct);
    }

    private async Task AddVersionAsync(IsfAgreement agreement, AgreementTerms terms, string? changeSummary, string by, CancellationToken ct, string? reason = null)
    {
        var (templateId, markdown) = await TemplateForAsync(agreement.AuthorityId, ct);
        var now = clock.GetUtcNow();
        var issue = new AgreementIssue(agreement.Reference, agreement.CurrentVersion, now, await ChangesAsync(agreement.Id, agreement.CurrentVersion, terms, ct)) { Reason = reason };
        var pdf = documents.RenderOffered(markdown, terms, issue);
        db.IsfAgreementVersions.Add(new IsfAgreementVersion
        {
            AgreementId = agreement.Id, Number = agreement.CurrentVersion, TermsJson = JsonSerializer.Serialize(terms, Json), ChangeSummary = changeSummary, ChangeReason = reason,
            TemplateId = templateId, OfferedPdf = pdf, OfferedSha256 = AgreementDocuments.Sha256(pdf), CreatedAt = now, CreatedBy = by,
        });
    }

    /// <summary>What version <paramref name="number"/> changed from the one before it, as printed in its document; empty for version 1.</summary>
    private async Task<IReadOnlyList<string>> ChangesAsync(Guid agreementId, int number, AgreementTerms terms, CancellationToken ct)
    {
        if (number <= 1) return [];
        // Compared with the version in force when it was offered: the newest earlier one authorised (a withdrawn offer never was).
        var previous = await db.IsfAgreementVersions.AsNoTracking().Where(v => v.AgreementId == agreementId && v.Number < number && v.AuthorisedAt != null)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        return previous is null ? [] : AgreementTerms.Changes(Terms(previous), terms);
    }

    /// <summary>
    /// The user as a party to this agreement: only the roles they hold in it (the person or their
    /// representative, its provider, staff of its authority), so the engine answers for this agreement.
    /// </summary>
    public static WorkflowActor PartyActor(ClaimsPrincipal user, IsfAgreement agreement, SupportedPerson person)
    {
        var roles = new List<string>();
        switch (AgreementAccess.PersonPartyOf(user, person))
        {
            case AgreementParty.Person: roles.Add(Roles.SupportedPerson); break;
            case AgreementParty.Representative: roles.Add(Roles.Representative); break;
        }
        if (AgreementAccess.IsProviderOf(user, agreement)) roles.Add(Roles.ProviderUser);
        if (AgreementAccess.IsStaffOf(user, agreement)) roles.AddRange(new[] { Roles.Commissioner, Roles.Practitioner }.Where(user.IsInRole));
        return new WorkflowActor(user.DisplayNameOf(), roles, AgreementAccess.UserIdOf(user));
    }

    /// <summary>The acceptances this feature owns: each trigger and the party that takes it.</summary>
    private static AgreementParty? PartyTaking(string trigger, ClaimsPrincipal user, SupportedPerson person) => trigger switch
    {
        "accept-as-person" => AgreementAccess.PersonPartyOf(user, person),
        "accept-as-provider" => AgreementParty.Provider,
        "authorise" => AgreementParty.Authority,
        _ => null,
    };

    /// <summary>The acceptance it is the user's turn to give, as the engine says (what it offers this party now), if any.</summary>
    public async Task<(string Trigger, AgreementParty Party)?> TurnOfAsync(ClaimsPrincipal user, IsfAgreement agreement, SupportedPerson person,
        WorkflowInstance instance, CancellationToken ct)
    {
        foreach (var step in await runtime.AvailableTransitionsAsync(instance, PartyActor(user, agreement, person), ct))
        {
            if (step.CanFire && PartyTaking(step.Trigger, user, person) is { } party) return (step.Trigger, party);
        }
        return null;
    }

    /// <summary>Whether the engine offers this user a variation of the agreement now.</summary>
    public async Task<bool> MayVaryAsync(ClaimsPrincipal user, IsfAgreement agreement, SupportedPerson person, WorkflowInstance instance, CancellationToken ct) =>
        (await runtime.AvailableTransitionsAsync(instance, PartyActor(user, agreement, person), ct)).Any(t => t.Trigger == "vary" && t.CanFire);

    /// <summary>Whether the user may start and offer an agreement: the definition's starters and its "offer" roles, not a list in C#.</summary>
    public bool MayOffer(ClaimsPrincipal user)
    {
        var actor = ProcessAccess.ActorOf(user);
        return runtime.MayStart(ProcessId, actor) && runtime.MayFireOnStart(ProcessId, "offer", actor);
    }

    /// <summary>
    /// Whether the signed-in user is the party this version names, as the acceptance needs: the person
    /// (their linked account), the named representative (linked, with the power to sign, and the
    /// name the version gives), a user of the named provider, or a commissioner of the authority.
    /// Null when they are; otherwise why not, in plain words.
    /// </summary>
    public static string? WhyNotSignatory(ClaimsPrincipal user, AgreementParty party, IsfAgreement agreement, SupportedPerson person, AgreementTerms terms)
    {
        switch (party)
        {
            case AgreementParty.Person:
                return person.UserId == AgreementAccess.UserIdOf(user) ? null : $"Only {terms.PersonName}'s own account can accept as the person.";
            case AgreementParty.Representative:
                if (person.RepresentativeUserId != AgreementAccess.UserIdOf(user)) return $"Your account is not linked to {terms.PersonName} as their representative.";
                if (string.IsNullOrWhiteSpace(terms.RepresentativeName))
                    return $"This version names no representative, so {terms.PersonName} accepts it themself. Ask the practitioner to name you in a variation if you act for them.";
                if (!SameName(terms.RepresentativeName, user.DisplayNameOf()))
                    return $"This version names {terms.RepresentativeName} as {terms.PersonName}'s representative, and you are signed in as {PlainName(user.DisplayNameOf())}. " +
                           $"Only the representative it names can accept. If the name is wrong, ask the practitioner to correct it; otherwise {terms.RepresentativeName} accepts from their own account.";
                if (!person.RepresentativeMaySign)
                    return $"You are linked to {terms.PersonName}, but not recorded as having the power to sign for them. {terms.PersonName} or the practitioner can record it when linking you.";
                return null;
            case AgreementParty.Provider:
                return AgreementAccess.IsProviderOf(user, agreement) ? null : $"Only a user of {terms.ProviderName} can accept for the provider.";
            default:
                // A commissioner, or (isf-agreement v3) a practitioner within delegated authority: the process offers
                // the step only to those its definition's roles and "within-delegated-authority" guard allow.
                return AgreementAccess.IsStaffOf(user, agreement) && (user.IsInRole(Roles.Commissioner) || user.IsInRole(Roles.Practitioner))
                    ? null
                    : $"Only a commissioner of {terms.AuthorityName}, or a practitioner within the amount it delegates, can authorise the agreement.";
        }
    }

    /// <summary>A name without what an account adds in brackets: "Ailsa Reid (Jamie's mum)" is "Ailsa Reid".</summary>
    public static string PlainName(string name) => System.Text.RegularExpressions.Regex.Replace(name, @"\([^)]*\)", " ").Trim() is var plain && plain.Length > 0
        ? System.Text.RegularExpressions.Regex.Replace(plain, @"\s+", " ")
        : name.Trim();

    public static bool SameName(string a, string b) => string.Equals(PlainName(a), PlainName(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>Records that the user was sent a version's offered PDF (the bytes they then accept).</summary>
    public async Task RecordOpeningAsync(IsfAgreementVersion version, ClaimsPrincipal user, CancellationToken ct)
    {
        if (AgreementAccess.UserIdOf(user) is not { } userId) return;
        db.IsfDocumentOpenings.Add(new IsfDocumentOpening { VersionId = version.Id, UserId = userId, At = clock.GetUtcNow(), Sha256 = version.OfferedSha256 });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether the user has opened this version's offered PDF.</summary>
    public Task<bool> HasOpenedAsync(Guid versionId, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = AgreementAccess.UserIdOf(user);
        return db.IsfDocumentOpenings.AnyAsync(o => o.VersionId == versionId && o.UserId == userId, ct);
    }

    /// <summary>
    /// Records the user's acceptance of exactly the PDF they opened (<paramref name="sha256"/> is the
    /// version they read, to catch a change while reading) and moves the process on, in one
    /// transaction; the authority's acceptance also writes the final PDF with the record.
    /// </summary>
    public async Task<AcceptResult> AcceptAsync(Guid agreementId, string sha256, ClaimsPrincipal user, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.SingleAsync(a => a.Id == agreementId, ct);
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == agreement.SupportedPersonId, ct);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == agreement.WorkflowInstanceId, ct);
        if (await TurnOfAsync(user, agreement, person, instance, ct) is not { } turn) return new(AcceptOutcome.NotYourTurn);
        var version = await db.IsfAgreementVersions.SingleAsync(v => v.AgreementId == agreement.Id && v.Number == agreement.CurrentVersion, ct);
        if (!string.Equals(version.OfferedSha256, sha256, StringComparison.OrdinalIgnoreCase)) return new(AcceptOutcome.Changed);
        if (WhyNotSignatory(user, turn.Party, agreement, person, Terms(version)) is { } why) return new(AcceptOutcome.WrongSignatory, why);
        var opened = await db.IsfDocumentOpenings.AsNoTracking().Where(o => o.VersionId == version.Id && o.UserId == AgreementAccess.UserIdOf(user))
            .OrderByDescending(o => o.At).FirstOrDefaultAsync(ct);
        if (opened is null) return new(AcceptOutcome.NotOpened, $"Open version {version.Number} of the agreement (the PDF link above) and read it before you accept it.");

        var acceptance = new IsfAcceptance
        {
            VersionId = version.Id, Party = turn.Party, UserId = AgreementAccess.UserIdOf(user)!, Name = PlainName(user.DisplayNameOf()), At = clock.GetUtcNow(), Sha256 = opened.Sha256,
        };
        return await RecordAsync(agreement, person, instance, version, acceptance, turn.Trigger, PartyActor(user, agreement, person), ct);
    }

    /// <summary>
    /// The practitioner records the person's (or representative's) signature on a printed copy of the
    /// offered PDF, with the scan attached: the route for someone without a portal account.
    /// </summary>
    public async Task<AcceptResult> RecordPaperSignatureAsync(Guid agreementId, AgreementParty party, string signedBy, DateOnly signedOn, byte[] scan, string scanName,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.SingleAsync(a => a.Id == agreementId, ct);
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == agreement.SupportedPersonId, ct);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == agreement.WorkflowInstanceId, ct);
        var actor = ProcessAccess.ActorOf(user);
        var step = (await runtime.AvailableTransitionsAsync(instance, actor, ct)).FirstOrDefault(t => t.Trigger == "accept-as-person" && t.CanFire);
        if (step is null || !AgreementAccess.IsStaffOf(user, agreement)) return new(AcceptOutcome.NotYourTurn);
        var version = await db.IsfAgreementVersions.SingleAsync(v => v.AgreementId == agreement.Id && v.Number == agreement.CurrentVersion, ct);
        var at = new DateTimeOffset(signedOn.ToDateTime(TimeOnly.FromTimeSpan(clock.GetUtcNow().TimeOfDay)), TimeSpan.Zero);
        var acceptance = new IsfAcceptance
        {
            VersionId = version.Id, Party = party, UserId = AgreementAccess.UserIdOf(user)!, Name = signedBy.Trim(), At = at, Sha256 = version.OfferedSha256,
            Method = AcceptanceMethod.Paper, RecordedBy = user.DisplayNameOf(), Scan = scan, ScanFileName = scanName,
        };
        return await RecordAsync(agreement, person, instance, version, acceptance, "accept-as-person", actor, ct);
    }

    private async Task<AcceptResult> RecordAsync(IsfAgreement agreement, SupportedPerson person, WorkflowInstance instance, IsfAgreementVersion version,
        IsfAcceptance acceptance, string trigger, WorkflowActor actor, CancellationToken ct)
    {
        db.IsfAcceptances.Add(acceptance);
        if (acceptance.Party == AgreementParty.Authority)
        {
            var earlier = await db.IsfAcceptances.AsNoTracking().Where(a => a.VersionId == version.Id).ToListAsync(ct);
            // The same template, terms and issue as the offered PDF, so the final one says exactly what was accepted.
            var template = version.TemplateId is { } templateId
                ? (await db.ContractTemplates.AsNoTracking().SingleAsync(t => t.Id == templateId, ct)).Markdown
                : AgreementDocuments.DefaultTemplate;
            var terms = Terms(version);
            var issue = new AgreementIssue(agreement.Reference, version.Number, version.CreatedAt, await ChangesAsync(agreement.Id, version.Number, terms, ct)) { Reason = version.ChangeReason };
            var final = documents.RenderFinal(template, terms, issue, earlier.Append(acceptance));
            version.FinalPdf = final;
            version.FinalSha256 = AgreementDocuments.Sha256(final);
            version.AuthorisedAt = acceptance.At;
            foreach (var older in await db.IsfAgreementVersions.Where(v => v.AgreementId == agreement.Id && v.Number < version.Number && !v.Superseded).ToListAsync(ct))
            {
                older.Superseded = true; // saved with the step below
            }
        }
        await NotifyAsync(agreement, person, trigger switch { "accept-as-person" => "accepted-by-person", "accept-as-provider" => "accepted-by-provider", _ => "active" }, ct);
        var result = await runtime.FireAsync(instance.Id, trigger, actor, expectedVersion: instance.Version, ct: ct);
        if (result.Outcome == FireOutcome.Fired) return new(AcceptOutcome.Accepted);
        db.ChangeTracker.Clear();
        return new(AcceptOutcome.Conflict);
    }

    /// <summary>The practitioner withdraws the offer: a first offer ends the process; a variation returns to the version in force.</summary>
    public async Task<FireResult> WithdrawAsync(Guid agreementId, string reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.SingleAsync(a => a.Id == agreementId, ct);
        var version = await db.IsfAgreementVersions.SingleAsync(v => v.AgreementId == agreement.Id && v.Number == agreement.CurrentVersion, ct);
        if (version.AuthorisedAt is not null) return new FireResult(FireOutcome.NotPermitted, null, "There is no offer waiting to withdraw.");
        version.WithdrawnAt = clock.GetUtcNow();
        version.WithdrawnReason = reason.Trim();
        version.Superseded = true;
        var inForce = await db.IsfAgreementVersions.AsNoTracking().Where(v => v.AgreementId == agreement.Id && v.AuthorisedAt != null)
            .OrderByDescending(v => v.Number).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
        if (inForce is { } number) agreement.CurrentVersion = number; // the version in force is the current one again
        // A first offer ends the process; a variation returns to the version in force (each transition's guard holds it to that).
        var result = await runtime.FireAsync(agreement.WorkflowInstanceId, inForce is null ? "withdraw-offer" : "withdraw-variation", ProcessAccess.ActorOf(user), reason, ct: ct);
        if (result.Outcome != FireOutcome.Fired) db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>A party ends the agreement: notice runs from today for the agreement's notice period, with the reason.</summary>
    public async Task<FireResult> EndAsync(Guid agreementId, string reason, ClaimsPrincipal user, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.SingleAsync(a => a.Id == agreementId, ct);
        var person = await db.SupportedPeople.AsNoTracking().SingleAsync(p => p.Id == agreement.SupportedPersonId, ct);
        var inForce = await db.IsfAgreementVersions.AsNoTracking().Where(v => v.AgreementId == agreement.Id && v.AuthorisedAt != null)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (inForce is null) return new FireResult(FireOutcome.NotPermitted, null, "Only an agreement in force can be ended; withdraw the offer instead.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        agreement.EndsOn = today.AddDays(7 * Terms(inForce).NoticeWeeks);
        agreement.EndReason = reason.Trim();
        agreement.EndedBy = user.DisplayNameOf();
        var result = await runtime.FireAsync(agreement.WorkflowInstanceId, "end", PartyActor(user, agreement, person),
            $"Notice given: ends on {AgreementTerms.Date(agreement.EndsOn.Value)}. {reason.Trim()}", ct: ct);
        if (result.Outcome != FireOutcome.Fired) db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>The practitioner records the review the timer asked for.</summary>
    public async Task<FireResult> CompleteReviewAsync(Guid agreementId, string notes, ClaimsPrincipal user, CancellationToken ct)
    {
        var agreement = await db.IsfAgreements.AsNoTracking().SingleAsync(a => a.Id == agreementId, ct);
        var result = await runtime.FireAsync(agreement.WorkflowInstanceId, "complete-review", ProcessAccess.ActorOf(user), notes, ct: ct);
        if (result.Outcome != FireOutcome.Fired) db.ChangeTracker.Clear();
        return result;
    }

    /// <summary>Which steps the engine offers this user on this agreement now (feature-owned steps included: this is their feature).</summary>
    public async Task<IReadOnlySet<string>> StepsForAsync(ClaimsPrincipal user, IsfAgreement agreement, SupportedPerson person, WorkflowInstance instance, CancellationToken ct)
    {
        var actor = PartyActor(user, agreement, person);
        return (await runtime.AvailableTransitionsAsync(instance, actor, ct)).Where(t => t.CanFire).Select(t => t.Trigger).ToHashSet();
    }

    /// <summary>Tells whoever acts next (or, once active, everyone) by e-mail, in the same save as the step.</summary>
    private async Task NotifyAsync(IsfAgreement agreement, SupportedPerson person, string newState, CancellationToken ct)
    {
        var personIds = new[] { person.UserId, person.RepresentativeUserId }.OfType<string>().ToList();
        var people = db.Users.Where(u => personIds.Contains(u.Id) && u.Email != null).Select(u => new WorkflowRecipient(u.Id, u.Email!, u.DisplayName));
        var provider = db.Users.Where(u => u.ProviderId == agreement.ProviderId && u.Email != null).Select(u => new WorkflowRecipient(u.Id, u.Email!, u.DisplayName));
        var (recipients, what) = newState switch
        {
            "offered" => (await people.ToListAsync(ct), "is ready for you to read and accept"),
            "accepted-by-person" => (await provider.ToListAsync(ct), "has been accepted by the person and is ready for your acceptance"),
            "accepted-by-provider" => ([.. await roles.HoldersAsync(Roles.Commissioner, agreement.AuthorityId, ct)], "has been accepted by the person and the provider and is ready to authorise"),
            _ => ((await people.ToListAsync(ct)).Concat(await provider.ToListAsync(ct)).ToList(), "has been authorised and is now active; the signed copy is ready to download"),
        };
        var link = links.To($"/agreements/{agreement.Id}");
        foreach (var to in recipients.DistinctBy(u => u.UserId))
        {
            outbox.Enqueue(new Email.EmailMessage(to.Email, to.Name, $"Individual Service Fund agreement {agreement.Reference} (version {agreement.CurrentVersion})",
                $"Hello {to.Name},\n\nThe Individual Service Fund agreement {agreement.Reference} for {person.Name} {what}.\n\n{link}\n\nCommissioning Portal",
                null, $"agreement:{newState}"));
        }
    }

    public static string PartyName(AgreementParty party) => party switch
    {
        AgreementParty.Person => "The person",
        AgreementParty.Representative => "Representative",
        AgreementParty.Provider => "Provider",
        _ => "Authority",
    };
}

using System.Globalization;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.People;

/// <summary>
/// A practitioner makes a person's record after assessment: outcomes in the person's words, needs,
/// locality, the indicative budget and when and how the person was told it (Standard 9.7), the
/// option per support type, who holds the budget and the representative. The practitioner who makes
/// it is the allocated practitioner. One use case: input, checks, handler; nothing is saved unless all is well.
/// </summary>
public sealed class CreatePersonRecord(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, Agreements.AgreementInvitations invitations)
{
    public sealed record Choice(string? SupportType, int? Option);

    public sealed record Input(
        string? Name, string? Address, string? PersonEmail, string? Outcomes, string? SupportNeeds, Guid? LocalityId,
        decimal? WeeklyBudget, BudgetSetting? BudgetSetBy, string? BudgetSetDetail, string? BudgetToldOn, string? BudgetToldHow, string? OptionsDiscussedOn,
        IReadOnlyList<Choice> Choices, BudgetHolderKind? BudgetHolderKind, string? BudgetHolderName,
        string? RepresentativeName, string? RepresentativeRelationship, string? RepresentativeEmail, bool RepresentativeMaySign, bool RepresentativeMayChoose);

    public async Task<UseCaseResult<Guid>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (actor.AuthorityId is not { } authorityId) return UseCaseResult<Guid>.NotFound();
        var errors = new FieldErrors();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(nameof(Input.Name), "Enter the person's name");
        else if (input.Name.Trim().Length > 200) errors.Add(nameof(Input.Name), "The person's name must be 200 characters or fewer");
        if (input.Address is { Length: > 500 }) errors.Add(nameof(Input.Address), "The address must be 500 characters or fewer");
        if (string.IsNullOrWhiteSpace(input.Outcomes)) errors.Add(nameof(Input.Outcomes), "Enter at least one outcome, in the person's own words");
        else if (input.Outcomes.Length > SupportedPerson.MaxOutcomesLength) errors.Add(nameof(Input.Outcomes), "The outcomes must be 4,000 characters or fewer");
        if (input.SupportNeeds is { Length: > SupportedPerson.MaxNeedsLength }) errors.Add(nameof(Input.SupportNeeds), "The support needs must be 4,000 characters or fewer");
        if (input.LocalityId is not { } localityId || !await db.Localities.AnyAsync(l => l.Id == localityId && l.AuthorityId == authorityId, ct))
            errors.Add(nameof(Input.LocalityId), "Choose the locality the person lives in");
        var toldOn = Date(nameof(Input.BudgetToldOn), input.BudgetToldOn, errors);
        var discussedOn = Date(nameof(Input.OptionsDiscussedOn), input.OptionsDiscussedOn, errors);
        if (discussedOn > today) errors.Add(nameof(Input.OptionsDiscussedOn), "The date the options were discussed cannot be in the future");
        foreach (var (field, message) in SupportedPerson.BudgetProblems(input.WeeklyBudget, input.BudgetSetBy, input.BudgetSetDetail, toldOn, input.BudgetToldHow, today))
        {
            if (!errors.Has(field)) errors.Add(field, message);
        }
        var choices = new List<SupportChoice>();
        for (var i = 0; i < input.Choices.Count; i++)
        {
            var c = input.Choices[i];
            if (string.IsNullOrWhiteSpace(c.SupportType) && c.Option is null) continue;
            if (string.IsNullOrWhiteSpace(c.SupportType)) errors.Add($"Choices[{i}].SupportType", "Choose the type of support this option is for");
            else if (c.Option is not (1 or 2 or 3)) errors.Add($"Choices[{i}].Option", "Choose option 1, 2 or 3 for this type of support");
            else choices.Add(new SupportChoice(c.SupportType.Trim(), (SdsOption)c.Option.Value));
        }
        if (input.BudgetHolderKind is { } kind && !Enum.IsDefined(kind)) errors.Add(nameof(Input.BudgetHolderKind), "Choose who holds the budget");
        if (input.BudgetHolderName is { Length: > 200 }) errors.Add(nameof(Input.BudgetHolderName), "The budget holder's name must be 200 characters or fewer");
        if (!string.IsNullOrWhiteSpace(input.RepresentativeEmail) && string.IsNullOrWhiteSpace(input.RepresentativeName))
            errors.Add(nameof(Input.RepresentativeName), "Enter the representative's name, or leave their e-mail empty");
        var (personUser, invitePerson) = await LinkedUserAsync(nameof(Input.PersonEmail), input.PersonEmail, Roles.SupportedPerson, errors);
        var (representativeUser, inviteRepresentative) = await LinkedUserAsync(nameof(Input.RepresentativeEmail), input.RepresentativeEmail, Roles.Representative, errors);
        if (errors.Any) return errors.Invalid<Guid>();

        var now = clock.GetUtcNow();
        var person = new SupportedPerson
        {
            AuthorityId = authorityId, Name = input.Name!.Trim(), Address = Blank(input.Address), UserId = personUser?.Id, PersonInvitedEmail = invitePerson,
            Outcomes = string.Join('\n', input.Outcomes!.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            SupportNeeds = Blank(input.SupportNeeds), LocalityId = input.LocalityId, OptionsDiscussedOn = discussedOn,
            OptionsBySupportType = SupportedPerson.FormatChoices(choices), BudgetHolderKind = input.BudgetHolderKind, BudgetHolderName = Blank(input.BudgetHolderName),
            RepresentativeName = Blank(input.RepresentativeName), RepresentativeRelationship = Blank(input.RepresentativeRelationship),
            RepresentativeUserId = representativeUser?.Id, RepresentativeInvitedEmail = inviteRepresentative,
            RepresentativeMaySign = representativeUser is not null && input.RepresentativeMaySign, RepresentativeMayChoose = input.RepresentativeMayChoose,
            RepresentativeLinkedBy = representativeUser is null ? null : $"{actor.Name} (practitioner)", RepresentativeLinkedAt = representativeUser is null ? null : now,
            AllocatedPractitionerUserId = actor.UserId, AllocatedPractitionerName = actor.Name, CreatedAt = now,
        };
        person.RecordBudget(input.WeeklyBudget!.Value, input.BudgetSetBy!.Value, input.BudgetSetDetail, toldOn, input.BudgetToldHow, today);
        db.SupportedPeople.Add(person);
        if (invitePerson is not null) invitations.Invite(invitePerson, person.Name, Roles.SupportedPerson, person.Name, actor.Name);
        if (inviteRepresentative is not null) invitations.Invite(inviteRepresentative, person.RepresentativeName!, Roles.Representative, person.Name, actor.Name);
        await db.SaveChangesAsync(ct); // the record and its invitations, together
        return UseCaseResult<Guid>.Done(person.Id);
    }

    private static DateOnly? Date(string field, string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors.Add(field, "Enter a real date, like 2026-12-01");
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<(PortalUser? User, string? Invite)> LinkedUserAsync(string field, string? email, string role, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(email)) return (null, null);
        email = email.Trim();
        if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            errors.Add(field, "Enter the e-mail address like name@example.com");
            return (null, null);
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null) return (null, email);
        if (!await users.IsInRoleAsync(user, role))
        {
            errors.Add(field, $"That e-mail address belongs to a portal account that is not a {(role == Roles.Representative ? "representative" : "supported person")}'s. Check the address, or leave it empty.");
            return (null, null);
        }
        return (user, null);
    }
}

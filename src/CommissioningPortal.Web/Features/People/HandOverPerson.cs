using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Web.Features.Email;
using CommissioningPortal.Workflows.Runtime;

namespace CommissioningPortal.Web.Features.People;

/// <summary>
/// The allocated practitioner hands the person to a colleague in the same authority (leave, a new team,
/// a caseload shared out): from then on the colleague reads the record and the old practitioner does not.
/// The reason is kept and shown to the person; the new practitioner is e-mailed. One use case.
/// </summary>
public sealed class HandOverPerson(PortalDbContext db, PersonRecordAccess access, IWorkflowRoleDirectory roles, IEmailOutbox outbox, PublicLinks links, TimeProvider clock)
{
    public sealed record Input(Guid PersonId, string? PractitionerUserId, string? Reason);

    public sealed record Colleague(string UserId, string Name, string Email);

    /// <summary>The practitioners of <paramref name="authorityId"/> a person may be handed to, by name, leaving out <paramref name="except"/>.</summary>
    public async Task<IReadOnlyList<Colleague>> ColleaguesAsync(Guid authorityId, string? except, CancellationToken ct) =>
        (await roles.HoldersAsync(Roles.Practitioner, authorityId, ct)).Where(h => h.UserId != except)
            .OrderBy(h => h.Name, StringComparer.CurrentCulture).Select(h => new Colleague(h.UserId, h.Name, h.Email)).ToList();

    public async Task<UseCaseResult<string>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken ct)
    {
        var person = await db.SupportedPeople.FirstOrDefaultAsync(p => p.Id == input.PersonId, ct);
        if (person is null || await access.ReaderOfAsync(user, person, ct) != PersonReader.Practitioner) return UseCaseResult<string>.NotFound();
        var problems = person.HandOverProblems(input.PractitionerUserId, input.Reason);
        var colleague = problems.ContainsKey(nameof(Input.PractitionerUserId)) ? null
            : (await ColleaguesAsync(person.AuthorityId, person.AllocatedPractitionerUserId, ct)).FirstOrDefault(c => c.UserId == input.PractitionerUserId);
        if (colleague is null && !problems.ContainsKey(nameof(Input.PractitionerUserId)))
            problems[nameof(Input.PractitionerUserId)] = "Choose one of your authority's practitioners";
        if (problems.Count > 0) return UseCaseResult<string>.Invalid(problems.Select(p => new FieldError(p.Key, p.Value)).ToList());

        var from = user.DisplayNameOf();
        person.HandOver(colleague!.UserId, colleague.Name, input.Reason!, from, clock.GetUtcNow());
        {
            outbox.Enqueue(new EmailMessage(colleague.Email, colleague.Name, "A person has been handed to you",
                $"""
                Hello {colleague.Name},

                {from} has handed a person to you. You are now their allocated practitioner, and {from} can no longer read their record.

                Why: {input.Reason!.Trim()}

                Open your people: {links.To("/people")}
                """, null, "person-handed-over"));
        }
        await db.SaveChangesAsync(ct); // the hand-over and its e-mail together
        return UseCaseResult<string>.Done(colleague.Name);
    }
}

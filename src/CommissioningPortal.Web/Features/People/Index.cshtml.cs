using System.Security.Claims;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.People;

/// <summary>
/// The practitioner's home: the people allocated to them, requests waiting for offers, choices
/// waiting for approval, agreements waiting for someone to accept, and reviews due now or within six weeks. Names in this list are the
/// practitioner's own people; opening a record is what the access log records.
/// </summary>
[Authorize(Policy = Policies.Practitioner)]
public sealed class IndexModel(PortalDbContext db, TimeProvider clock) : PageModel
{
    public sealed record PersonRow(Guid Id, string Name, decimal? WeeklyBudget, bool Told);
    public sealed record RequestRow(Guid Id, string Reference, string Person, int Offers, RequestStatus Status);
    public sealed record AgreementRow(Guid Id, string Reference, string Person, string State);
    public sealed record ReviewRow(Guid AgreementId, string Reference, string Person, string What, DateTimeOffset? DueAt);

    /// <summary>How far ahead a coming review is shown, so there is time to arrange it with the person.</summary>
    public const int ReviewNoticeDays = 42;

    public IReadOnlyList<PersonRow> People { get; private set; } = [];
    public IReadOnlyList<RequestRow> WaitingForOffers { get; private set; } = [];
    public IReadOnlyList<RequestRow> WaitingForApproval { get; private set; } = [];
    public IReadOnlyList<RequestRow> ReadyForAgreement { get; private set; } = [];
    public IReadOnlyList<AgreementRow> AgreementsWaiting { get; private set; } = [];

    /// <summary>Reviews to do now (the review date has come, or spending has been off plan), then reviews coming soon.</summary>
    public IReadOnlyList<ReviewRow> ReviewsDue { get; private set; } = [];
    public IReadOnlyList<ReviewRow> ReviewsComing { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var authorityId = User.AuthorityIdOf();
        var mine = await db.SupportedPeople.AsNoTracking().Where(p => p.AuthorityId == authorityId && p.AllocatedPractitionerUserId == userId).OrderBy(p => p.Name).ToListAsync(ct);
        People = mine.Select(p => new PersonRow(p.Id, p.Name, p.WeeklyBudget, p.BudgetTold)).ToList();
        var ids = mine.Select(p => p.Id).ToList();
        var names = mine.ToDictionary(p => p.Id, p => p.Name);
        var requests = await db.SupportRequests.AsNoTracking().Where(r => ids.Contains(r.SupportedPersonId)).ToListAsync(ct);
        var withAgreement = await db.IsfAgreements.AsNoTracking().Where(a => ids.Contains(a.SupportedPersonId)).Select(a => a.SupportedPersonId).Distinct().ToListAsync(ct);
        List<RequestRow> Rows(Func<SupportRequest, bool> which) => requests.Where(which).OrderBy(r => r.PostedAt)
            .Select(r => new RequestRow(r.Id, r.Reference, names[r.SupportedPersonId], r.Offers.Count, r.Status)).ToList();
        WaitingForOffers = Rows(r => r.OpenForOffers);
        WaitingForApproval = Rows(r => r.Status == RequestStatus.AwaitingApproval);
        ReadyForAgreement = Rows(r => r.Status == RequestStatus.Chosen && !withAgreement.Contains(r.SupportedPersonId));
        AgreementsWaiting = await (from a in db.IsfAgreements.AsNoTracking()
                                   join i in db.WorkflowInstances.AsNoTracking() on a.WorkflowInstanceId equals i.Id
                                   join p in db.SupportedPeople.AsNoTracking() on a.SupportedPersonId equals p.Id
                                   where ids.Contains(a.SupportedPersonId) && (i.State == "offered" || i.State == "draft")
                                   select new AgreementRow(a.Id, a.Reference, p.Name, i.State)).ToListAsync(ct);

        // The agreement process's own review tasks and timers say what is due; no state is named here.
        ReviewsDue = await (from w in db.WorkItems.AsNoTracking()
                            join a in db.IsfAgreements.AsNoTracking() on w.InstanceId equals a.WorkflowInstanceId
                            join p in db.SupportedPeople.AsNoTracking() on a.SupportedPersonId equals p.Id
                            where ids.Contains(a.SupportedPersonId) && w.ClosedAt == null && w.Role == Roles.Practitioner
                            orderby w.DueAt
                            select new ReviewRow(a.Id, a.Reference, p.Name, w.Title, w.DueAt)).ToListAsync(ct);
        var horizon = clock.GetUtcNow().AddDays(ReviewNoticeDays);
        var coming = await (from t in db.WorkflowTimers.AsNoTracking()
                            join a in db.IsfAgreements.AsNoTracking() on t.InstanceId equals a.WorkflowInstanceId
                            join p in db.SupportedPeople.AsNoTracking() on a.SupportedPersonId equals p.Id
                            where ids.Contains(a.SupportedPersonId) && t.FiredAt == null && !t.Cancelled
                            select new ReviewRow(a.Id, a.Reference, p.Name, "Review date", t.DueAt)).ToListAsync(ct);
        ReviewsComing = coming.Where(r => r.DueAt <= horizon).OrderBy(r => r.DueAt).ToList();
    }
}

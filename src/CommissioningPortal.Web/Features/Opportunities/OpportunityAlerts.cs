using System.Text;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.Email;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary>
/// The e-mails opportunities send, all through the outbox in the caller's unit of work (so an e-mail
/// goes only if the change is saved): a new publication to each saved search that asks for it at
/// once; an amendment to everyone following; and the daily digest of new publications.
/// </summary>
public sealed class OpportunityAlerts(PortalDbContext db, IEmailOutbox outbox, PublicLinks links)
{
    public const string PublishedKind = "opportunity-alert";
    public const string AmendedKind = "opportunity-amended";
    public const string DigestKind = "opportunity-digest";

    /// <summary>Queues one e-mail to each user with an immediate saved search that the opportunity matches.</summary>
    public async Task<int> PublishedAsync(Opportunity o, string authorityName, CancellationToken ct)
    {
        var searches = await db.SavedSearches.AsNoTracking().Where(s => s.Frequency == AlertFrequency.Immediately).ToListAsync(ct);
        var userIds = searches.Where(s => s.Matches(o)).Select(s => s.UserId).Distinct().ToList();
        var users = await Recipients(userIds, ct);
        foreach (var user in users)
        {
            outbox.Enqueue(new EmailMessage(user.Email!, user.DisplayName, $"New opportunity: {o.Title}",
                $"Hello {user.DisplayName},\n\n{authorityName} has published an opportunity that matches a search you saved.\n\n{Describe(o)}\n\n" +
                $"Read it and how to respond: {links.To($"/opportunities/{o.Id}")}\n\nChange or stop these e-mails: {links.To("/opportunities/alerts")}\n",
                null, PublishedKind));
        }
        return users.Count;
    }

    /// <summary>Queues one e-mail to each follower saying what changed: an amendment, a document added or removed, closing or cancelling.</summary>
    public async Task<int> AmendedAsync(Opportunity o, OpportunityChange change, CancellationToken ct)
    {
        var userIds = await db.OpportunityFollows.AsNoTracking().Where(f => f.OpportunityId == o.Id).Select(f => f.UserId).ToListAsync(ct);
        var users = await Recipients(userIds, ct);
        var (subject, deadline) = change.Kind switch
        {
            OpportunityChangeKind.Closed => ($"Closed: {o.Title}", ""),
            OpportunityChangeKind.Cancelled => ($"Cancelled: {o.Title}", ""),
            _ => ($"Changed: {o.Title}", $"Submission deadline: {UkTime.Words(o.SubmissionDeadline)} (UK time).\n\n"),
        };
        foreach (var user in users)
        {
            outbox.Enqueue(new EmailMessage(user.Email!, user.DisplayName, subject,
                $"Hello {user.DisplayName},\n\nAn opportunity you follow has changed.\n\n{change.What}\n\n{deadline}" +
                $"Read it: {links.To($"/opportunities/{o.Id}")}\n\nStop following it on that page.\n", null, AmendedKind));
        }
        return users.Count;
    }

    /// <summary>Tells followers of each change the opportunity recorded since it had <paramref name="changesBefore"/> (none for a draft).</summary>
    public async Task ChangedSinceAsync(Opportunity o, int changesBefore, CancellationToken ct)
    {
        foreach (var change in o.Changes.Skip(changesBefore).ToList()) await AmendedAsync(o, change, ct);
    }

    /// <summary>
    /// One digest e-mail per daily saved search that has new matches published since its last digest; each
    /// daily search then counts as digested up to <paramref name="now"/>. Each search is claimed with a
    /// conditional update in the same transaction as its e-mail, so with two app instances a digest still goes once.
    /// </summary>
    public async Task<int> DailyDigestAsync(DateTimeOffset now, CancellationToken ct)
    {
        var searches = await db.SavedSearches.AsNoTracking().Where(s => s.Frequency == AlertFrequency.DailyDigest && (s.DigestedUpTo == null || s.DigestedUpTo < now)).ToListAsync(ct);
        if (searches.Count == 0) return 0;
        var since = searches.Min(s => s.DigestedUpTo ?? s.CreatedAt);
        var published = await db.Opportunities.AsNoTracking().Where(o => o.Status == OpportunityStatus.Published && o.PublishedAt > since && o.PublishedAt <= now)
            .OrderBy(o => o.PublishedAt).ToListAsync(ct);
        var users = (await Recipients(searches.Select(s => s.UserId).Distinct().ToList(), ct)).ToDictionary(u => u.Id);
        var sent = 0;
        foreach (var search in searches)
        {
            var upTo = search.DigestedUpTo;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.SavedSearches.Where(s => s.Id == search.Id && s.DigestedUpTo == upTo)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.DigestedUpTo, now), ct);
            if (claimed == 0) continue; // another instance sent it
            var matches = published.Where(o => o.PublishedAt > (upTo ?? search.CreatedAt) && search.Matches(o)).ToList();
            if (matches.Count > 0 && users.TryGetValue(search.UserId, out var user))
            {
                var body = new StringBuilder($"Hello {user.DisplayName},\n\n{matches.Count} new {(matches.Count == 1 ? "opportunity matches" : "opportunities match")} your saved search ({search.Describe()}):\n\n");
                foreach (var o in matches) body.Append($"- {o.Title}\n  Closes {UkTime.Words(o.SubmissionDeadline)} (UK time)\n  {links.To($"/opportunities/{o.Id}")}\n\n");
                body.Append($"Change or stop these e-mails: {links.To("/opportunities/alerts")}\n");
                outbox.Enqueue(new EmailMessage(user.Email!, user.DisplayName, $"New opportunities for you: {matches.Count}", body.ToString(), null, DigestKind));
                await db.SaveChangesAsync(ct);
                sent++;
            }
            await transaction.CommitAsync(ct);
        }
        return sent;
    }

    private async Task<List<PortalUser>> Recipients(List<string> userIds, CancellationToken ct) =>
        userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null && u.EmailConfirmed).ToListAsync(ct);

    private static string Describe(Opportunity o) =>
        $"{o.Title}\n{OpportunityNames.Kind(o.Kind)}\n\n{o.Summary}\n\nSubmission deadline: {UkTime.Words(o.SubmissionDeadline)} (UK time)";
}

/// <summary>Sends the daily digest once a day (an hourly check; the digest itself knows what it has covered).</summary>
internal sealed class OpportunityDigestService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OpportunityDigestService> logger) : PollingService(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RoundAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (UkTime.ToUk(now).Hour < 7) return; // mornings, UK time
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (!await db.SavedSearches.AnyAsync(s => s.Frequency == AlertFrequency.DailyDigest && (s.DigestedUpTo == null || s.DigestedUpTo < today), ct)) return;
        await scope.ServiceProvider.GetRequiredService<OpportunityAlerts>().DailyDigestAsync(now, ct);
    }
}

using System.Diagnostics;
using System.Text.Json;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Reference;

namespace CommissioningPortal.Web.Features.Insight;

/// <summary>
/// Volume data for the insight benchmark, on top of the provider volume generator (<c>ProviderSeeder</c>): for every
/// authority with localities, supported people with options per type of support and a budget, one request each posted
/// over the last year, offers from providers serving the authority, choices, and ISF agreements with a few weeks of
/// ledger entries. Deterministic for a given seed; batched like the provider generator.
/// </summary>
public sealed class InsightSeeder(PortalDbContext db, TimeProvider clock)
{
    private const int Batch = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Result(int People, int Requests, int Offers, int Agreements, TimeSpan Elapsed);

    public async Task<Result> SeedAsync(int requests, int seed = 20261203, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var authorities = await db.Authorities.AsNoTracking().Include(a => a.Localities).Where(a => a.Localities.Count > 0).OrderBy(a => a.Code).ToListAsync(ct);
        var types = await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == ReferenceSchemes.SupportType).OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync(ct);
        var groups = await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == ReferenceSchemes.ClientGroup).OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync(ct);
        var serving = (await (from a in db.ServiceAreas join s in db.Services on a.ServiceId equals s.Id select new { a.AuthorityId, s.ProviderId }).Distinct().ToListAsync(ct))
            .GroupBy(x => x.AuthorityId).ToDictionary(g => g.Key, g => g.Select(x => x.ProviderId).ToList());
        var names = await db.Providers.AsNoTracking().Select(p => new { p.Id, p.Name, p.Kind }).ToDictionaryAsync(p => p.Id, ct);
        int people = 0, offers = 0, agreements = 0;
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            for (var done = 0; done < requests; done += Batch)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                for (var i = done; i < Math.Min(requests, done + Batch); i++)
                {
                    var authority = authorities[random.Next(authorities.Count)];
                    var locality = authority.Localities[random.Next(authority.Localities.Count)];
                    var postedAt = now.AddDays(-random.Next(0, 365)).AddMinutes(-random.Next(0, 1440));
                    var postedOn = DateOnly.FromDateTime(postedAt.UtcDateTime);
                    var type = types[random.Next(types.Count)];
                    var options = random.Next(10) < 2
                        ? $"{type}={1 + random.Next(3)}\n{types[(types.IndexOf(type) + 1) % types.Count]}={1 + random.Next(3)}"
                        : $"{type}={1 + random.Next(3)}";
                    var person = new SupportedPerson
                    {
                        AuthorityId = authority.Id, Name = $"Volume person {i + 1:000000}", LocalityId = locality.Id, OptionsBySupportType = options,
                        CreatedAt = postedAt, OptionsDiscussedOn = postedOn,
                    };
                    var weekly = 100m + random.Next(0, 600);
                    var told = random.Next(10) < 7 ? postedOn.AddDays(-random.Next(0, 10)) : postedOn.AddDays(random.Next(1, 10));
                    person.RecordBudget(weekly, BudgetSetting.ResourceAllocationSystem, null, told <= today ? told : today, "At a meeting", today);
                    db.SupportedPeople.Add(person);
                    people++;
                    var request = SupportRequest.Post(person, $"VOL-{i + 1:000000}",
                        new SupportRequest.Details("Get out and about\nStay well at home", type, groups[random.Next(groups.Count)], locality.Id, 4 + random.Next(30), null, postedOn.AddDays(14), null, null), "volume", postedAt);
                    db.SupportRequests.Add(request);
                    if (!serving.TryGetValue(authority.Id, out var candidates) || candidates.Count == 0 || random.Next(10) < 3) continue;
                    SupportOffer? first = null;
                    foreach (var providerId in Enumerable.Range(0, 1 + random.Next(3)).Select(_ => candidates[random.Next(candidates.Count)]).Distinct())
                    {
                        var madeAt = postedAt.AddHours(random.Next(2, 24 * 12));
                        var unit = random.Next(10) < 7 ? OfferPriceUnit.PerHour : random.Next(2) == 0 ? OfferPriceUnit.PerWeek : OfferPriceUnit.PerOutcome;
                        var price = unit == OfferPriceUnit.PerHour ? 17m + random.Next(0, 1200) / 100m : 150m + random.Next(0, 600);
                        var offer = request.Offer(providerId, new SupportOffer.Details(DateOnly.FromDateTime(madeAt.UtcDateTime).AddDays(7), "We would meet these outcomes.", price, unit, null), "volume", madeAt);
                        db.SupportOffers.Add(offer);
                        first ??= offer;
                        offers++;
                    }
                    if (first is null || random.Next(10) < 4) continue;
                    request.Choose(first.Id, false, null, "volume", first.MadeAt.AddDays(2));
                    if (random.Next(2) == 0) continue;
                    var provider = names[first.ProviderId];
                    var start = first.StartDate;
                    var agreement = new IsfAgreement
                    {
                        Reference = $"ISF-VOL-{i + 1:000000}", AuthorityId = authority.Id, SupportedPersonId = person.Id, ProviderId = first.ProviderId,
                        WorkflowInstanceId = Guid.NewGuid(), CurrentVersion = 1, CreatedAt = first.MadeAt.AddDays(3), CreatedBy = "volume",
                    };
                    db.IsfAgreements.Add(agreement);
                    var terms = new AgreementTerms
                    {
                        PersonName = person.Name, ProviderName = provider.Name, ProviderKind = provider.Kind, AuthorityName = authority.Name,
                        WeeklyBudget = weekly, HowBudgetWasSet = "Resource allocation system", BudgetHolder = provider.Name, StartDate = start,
                    };
                    db.IsfAgreementVersions.Add(new IsfAgreementVersion
                    {
                        AgreementId = agreement.Id, Number = 1, TermsJson = JsonSerializer.Serialize(terms, Json), OfferedPdf = [], OfferedSha256 = "volume",
                        CreatedAt = agreement.CreatedAt, CreatedBy = "volume", AuthorisedAt = agreement.CreatedAt.AddDays(1),
                    });
                    agreements++;
                    var rate = 20m + random.Next(0, 500) / 100m;
                    for (var week = start; week < today && week < start.AddDays(7 * 8); week = week.AddDays(7))
                    {
                        var entry = LedgerEntry.Delivery(week, Math.Round(weekly / rate * (0.6m + random.Next(0, 70) / 100m), 1), rate, "volume", "Weekly support");
                        db.LedgerEntries.Add(entry);
                        db.Entry(entry).Property(Data.Configurations.LedgerEntryConfiguration.AgreementId).CurrentValue = agreement.Id;
                        db.Entry(entry).Property(Data.Configurations.LedgerEntryConfiguration.PostedAt).CurrentValue = now;
                    }
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        // Requests that waited a week with no offer are unmet demand (what FlagUnmetDemand marks, without its e-mails).
        var weekAgo = now.AddDays(-7);
        await db.SupportRequests.Where(r => r.UnmetAt == null && r.Status == RequestStatus.Open && r.PostedAt < weekAgo && !r.Offers.Any())
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UnmetAt, now), ct);
        if (db.IsSqlite) await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        return new Result(people, requests, offers, agreements, watch.Elapsed);
    }
}

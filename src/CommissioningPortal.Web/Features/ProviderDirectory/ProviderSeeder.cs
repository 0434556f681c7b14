using System.Diagnostics;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>
/// Volume data for benchmarks: N providers of every kind with about three services each, spread
/// over every Scottish council area's localities, client groups and support types, about seven in
/// ten verified. Deterministic for a given seed. Batched: one transaction and one change-tracker
/// flush per 500 providers. <c>dotnet run --project src/CommissioningPortal.Web -- seed-providers 20000</c>
/// </summary>
public sealed class ProviderSeeder(PortalDbContext db, TimeProvider clock)
{
    private const int Batch = 500;

    private static readonly string[] FirstNames = ["Ailsa", "Callum", "Eilidh", "Fraser", "Iona", "Kirsty", "Lachlan", "Morven", "Niamh", "Ruaridh", "Shona", "Tomasz", "Aisha", "Hamish", "Catriona", "Euan", "Mhairi", "Ravi", "Zofia", "Duncan"];
    private static readonly string[] LastNames = ["MacLeod", "Campbell", "Fraser", "Stewart", "Robertson", "Murray", "Kowalski", "Khan", "Grant", "Reid", "Ross", "Munro", "Sinclair", "Paterson", "Ali", "Morrison"];
    private static readonly string[] Places = ["Glen", "Strath", "Loch", "Ben", "Kyle", "Inver", "Dun", "Bal", "Kin", "Aber"];
    private static readonly string[] Suffixes = ["more", "side", "view", "brae", "haven", "field", "bank", "wood", "ford", "burn"];
    private static readonly string[] OrgNouns = ["Care", "Support", "Community Care", "Home Care", "Supported Living", "Care Partnership", "Care Co-operative"];
    private static readonly string[] Activities = ["Gym", "Art Studio", "Outdoor Centre", "Swimming Club", "Music Workshop", "Garden Project", "Riding School"];
    private static readonly string[] Phrases =
    [
        "We plan support around what matters to you and the people close to you.",
        "The same small team visits, so you get to know them.",
        "Help with washing, dressing, meals and medicines, at times that suit you.",
        "Getting out and about, keeping up with friends and trying new things.",
        "We can support you overnight so your family carer can rest.",
        "Our staff are trained in dementia care and positive behaviour support.",
        "Support to find and keep a job, volunteering or college.",
        "Short breaks that give you and your carer time for yourselves.",
        "We help with budgeting, cooking and running your home.",
        "Technology such as alarms and sensors so you can stay safe at home.",
    ];
    private static readonly string[] ExtraLanguages = ["gd", "pl", "ur", "pa", "ar", "zh", "bfi", "ro", "uk"];

    public sealed record Result(int Providers, int Services, int Authorities, TimeSpan Elapsed);

    public async Task<Result> SeedAsync(int count, int seed = 20261123, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var watch = Stopwatch.StartNew();
        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var addedAuthorities = await EnsureAuthoritiesAsync(ct);
        var areas = await db.Authorities.AsNoTracking().Include(a => a.Localities).Where(a => a.Localities.Count > 0).ToListAsync(ct);
        var clientGroups = await Codes(ReferenceSchemes.ClientGroup, ct);
        var supportTypes = await Codes(ReferenceSchemes.SupportType, ct);
        if (areas.Count == 0 || clientGroups.Count == 0 || supportTypes.Count == 0)
        {
            throw new InvalidOperationException("Run the reference-data recipe first (the portal does at start-up).");
        }

        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var services = 0;
        try
        {
            for (var done = 0; done < count; done += Batch)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                for (var i = done; i < Math.Min(count, done + Batch); i++)
                {
                    services += AddProvider(random, i, areas, clientGroups, supportTypes, now, today);
                }
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        // Fresh statistics so SQLite's planner knows which tags are rare.
        if (db.IsSqlite) await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        return new Result(count, services, addedAuthorities, watch.Elapsed);
    }

    private async Task<List<string>> Codes(string scheme, CancellationToken ct) =>
        await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == scheme).OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync(ct);

    /// <summary>One authority per Scottish council area that has none yet, with three to five localities.</summary>
    private async Task<int> EnsureAuthoritiesAsync(CancellationToken ct)
    {
        var areas = await db.ReferenceTerms.AsNoTracking().Where(t => t.Scheme == ReferenceSchemes.LocalAuthorityArea).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var covered = (await db.Authorities.Select(a => a.AreaCode).ToListAsync(ct)).ToHashSet();
        var codes = (await db.Authorities.Select(a => a.Code).ToListAsync(ct)).ToHashSet();
        string[] parts = ["North", "South", "East", "West", "Central"];
        var added = 0;
        foreach (var area in areas.Where(a => !covered.Contains(a.Code)))
        {
            var code = "la-" + new string(area.Label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            if (codes.Contains(code)) continue;
            var authority = new Authority { Code = code, Name = $"{area.Label} Health and Social Care Partnership", AreaCode = area.Code };
            var localities = 3 + Math.Abs(area.Code.GetHashCode(StringComparison.Ordinal) % 3);
            foreach (var part in parts.Take(localities))
            {
                authority.Localities.Add(new Locality { AuthorityId = authority.Id, Code = part.ToLowerInvariant(), Name = $"{part} {area.Label}" });
            }
            db.Authorities.Add(authority);
            added++;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return added;
    }

    private int AddProvider(Random random, int index, List<Authority> areas, List<string> clientGroups, List<string> supportTypes, DateTimeOffset now, DateOnly today)
    {
        var roll = random.Next(100);
        var kind = roll < 40 ? ProviderKind.RegisteredOrganisation : roll < 60 ? ProviderKind.MicroProvider : roll < 90 ? ProviderKind.PersonalAssistant : ProviderKind.NonCareSupplier;
        var place = Pick(random, Places) + Pick(random, Suffixes);
        var name = kind switch
        {
            ProviderKind.PersonalAssistant => $"{Pick(random, FirstNames)} {Pick(random, LastNames)}",
            ProviderKind.NonCareSupplier => $"{place} {Pick(random, Activities)}",
            ProviderKind.MicroProvider => $"{place} {Pick(random, OrgNouns)} (micro)",
            _ => $"{place} {Pick(random, OrgNouns)}",
        };
        var home = areas[random.Next(areas.Count)];
        var provider = new Provider
        {
            Name = $"{name} {index + 1:00000}", Kind = kind, CreatedAt = now,
            Summary = $"{Provider.KindDisplayName(kind)} based in {home.Localities[0].Name}. {Pick(random, Phrases)}",
            ContactEmail = $"provider{index + 1}@volume.example",
            Phone = $"01{random.Next(100, 999)} {random.Next(100000, 999999)}",
            AddressLine = $"{random.Next(1, 200)} {place} Road", Town = place, Postcode = $"AB{random.Next(10, 99)} {random.Next(1, 9)}XY",
        };
        db.Providers.Add(provider);

        var items = new List<PassportItem>();
        var verified = random.Next(100) < 70;
        foreach (var required in ProviderVerification.RequiredFor(kind))
        {
            var item = new PassportItem
            {
                ProviderId = provider.Id, Kind = required, Number = $"V{index + 1}-{(int)required}", CreatedAt = now,
                ExpiresOn = required is PassportItemKind.PublicLiability or PassportItemKind.EmployersLiability ? today.AddDays(random.Next(20, 400)) : null,
                EvidenceFileName = "evidence.pdf", EvidenceContentType = "application/pdf", EvidenceSize = 120_000,
            };
            if (verified || random.Next(2) == 0) item.Verify("Volume data", now);
            items.Add(item);
        }
        db.PassportItems.AddRange(items);
        ProviderVerification.Refresh(provider, items, today);

        var serviceCount = 3;
        for (var s = 0; s < serviceCount; s++)
        {
            var authority = random.Next(10) == 0 ? areas[random.Next(areas.Count)] : home;
            var service = new Service
            {
                ProviderId = provider.Id, CreatedAt = now,
                Name = "", Description = "",
                SupportTypes = Sample(random, supportTypes, 1 + random.Next(2)),
                ClientGroups = Sample(random, clientGroups, 1 + random.Next(3)),
                Languages = random.Next(100) < 15 ? ["en", Pick(random, ExtraLanguages)] : ["en"],
                AccessibilityNotes = random.Next(3) == 0 ? "Step-free access; information in large print and Easy Read." : null,
            };
            service.Name = kind == ProviderKind.PersonalAssistant
                ? $"Personal Assistant: {service.SupportTypes[0].Replace('-', ' ')}"
                : $"{char.ToUpperInvariant(service.SupportTypes[0][0])}{service.SupportTypes[0][1..].Replace('-', ' ')} in {authority.Localities[0].Name}";
            service.Description = $"{Pick(random, Phrases)} {Pick(random, Phrases)} For {string.Join(" and ", service.ClientGroups.Select(c => c.Replace('-', ' ')))}.";
            service.CoverLocalities(Sample(random, authority.Localities, 1 + random.Next(Math.Min(3, authority.Localities.Count))).Select(l => (authority.Id, l.Id)));
            var unit = kind == ProviderKind.NonCareSupplier ? RateUnit.PerSession : RateUnit.PerHour;
            var fromDaysAgo = random.Next(1, 365);
            service.AddRate(unit == RateUnit.PerSession ? random.Next(800, 4000) : random.Next(1500, 3200), unit, today.AddDays(-fromDaysAgo));
            if (random.Next(100) < 75)
            {
                service.ConfirmCapacity(random.Next(100) < 65 ? random.Next(1, 41) : 0,
                    random.Next(3) == 0 ? today.AddDays(random.Next(1, 60)) : null, now.AddDays(-random.Next(0, 90)));
            }
            service.RecordChange(now, null);
            service.Reindex(provider);
            db.Services.Add(service);
        }
        return serviceCount;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static List<T> Sample<T>(Random random, IReadOnlyList<T> items, int count) =>
        items.OrderBy(_ => random.Next()).Take(Math.Min(count, items.Count)).ToList();
}

using System.Runtime.CompilerServices;
using System.Text;
using CommissioningPortal.Domain.Marketplace;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommissioningPortal.Web.Features.ProviderDirectory;

/// <summary>
/// The directory's search index, held in memory by each portal node (ADR 0024): for every service
/// what the filters and the fit order read (its tags, words, rates, verification and capacity),
/// and for every tag the services that have it. A search reads the database only to learn whether
/// anything changed (the count and newest id of <see cref="DirectoryChange"/>s, one indexed query)
/// and then for the page's twenty rows.
/// <para>
/// Every save that touches a service writes a <see cref="DirectoryChange"/> in its own transaction
/// (<c>PortalDbContext</c>), so a node reloads just those services before its next search; a change
/// made on another node is seen the same way. On PostgreSQL and SQL Server ids are handed out before
/// commit, so a change can commit after a higher one was already read: the stamp includes the count
/// (which that late commit raises) and each reload re-reads the last <see cref="Overlap"/> changes.
/// </para>
/// </summary>
public sealed class DirectoryIndex
{
    /// <summary>Changes re-read behind the newest one seen, for transactions that commit out of id order.</summary>
    internal const int Overlap = 64;

    /// <summary>More changes than this since the last read (seeding, a long outage): read everything again.</summary>
    internal const int RebuildAfter = 4_000;

    /// <summary>The change log is cut back to its newest <see cref="Keep"/> rows once it holds twice as many.</summary>
    internal const int Keep = 5_000;

    public readonly record struct Rate(RateUnit Unit, int AmountPence, DateOnly From, DateOnly? To)
    {
        public bool IsEffectiveOn(DateOnly day) => From <= day && (To is null || day <= To.Value);

        public string Text => ServiceRate.TextOf(AmountPence, Unit);
    }

    /// <summary>One service as the search sees it. <see cref="Text"/> is its lower-case search text in UTF-8.</summary>
    public sealed record Entry(
        Guid Id, Guid ProviderId, string Name, DateOnly? VerifiedThrough, int? HoursFreePerWeek, DateOnly? EarliestStart,
        DateTimeOffset? CapacityConfirmedAt, byte[] Text, string[] Tags, Rate[] Rates)
    {
        public bool HasTag(string tag) => Array.BinarySearch(Tags, tag, StringComparer.Ordinal) >= 0;

        public bool Says(byte[] word) => Text.AsSpan().IndexOf(word) >= 0;
    }

    /// <summary>The number and newest id of the changes after an id.</summary>
    private readonly record struct Stamp(int Count, long Newest);

    /// <summary>
    /// The index as of <see cref="Stamp"/>: the changes after <see cref="From"/> (the newest read, less
    /// <see cref="Overlap"/>). A search compares that window only (a seek of a few dozen rows), which is
    /// where both a new change and a late commit show.
    /// </summary>
    private sealed class Snapshot(long from, Stamp stamp, Entry?[] entries, Dictionary<Guid, int> slots, Dictionary<string, int[]> postings)
    {
        public long From { get; } = from;
        public Stamp Stamp { get; } = stamp;
        public Entry?[] Entries { get; } = entries;
        public Dictionary<Guid, int> Slots { get; } = slots;
        public Dictionary<string, int[]> Postings { get; } = postings;
    }

    private volatile Snapshot? _snapshot;
    private readonly SemaphoreSlim _reading = new(1, 1);

    /// <summary>Brings the index up to date (reads it whole the first time).</summary>
    internal async Task WarmAsync(PortalDbContext db, CancellationToken ct) => await CurrentAsync(db, ct);

    /// <summary>
    /// The services having every one of <paramref name="tags"/> (all services when there are none) that
    /// also pass <paramref name="keep"/>; the rarest tag's list drives, the rest are look-ups on the entry.
    /// </summary>
    internal async Task<List<Entry>> FindAsync(PortalDbContext db, IReadOnlyList<string> tags, Func<Entry, bool> keep, CancellationToken ct)
    {
        var snapshot = await CurrentAsync(db, ct);
        var found = new List<Entry>();
        if (tags.Count == 0)
        {
            foreach (var entry in snapshot.Entries)
            {
                if (entry is not null && keep(entry)) found.Add(entry);
            }
            return found;
        }
        int[]? rarest = null;
        foreach (var tag in tags)
        {
            if (!snapshot.Postings.TryGetValue(tag, out var posting)) return found;
            if (rarest is null || posting.Length < rarest.Length) rarest = posting;
        }
        foreach (var slot in rarest!)
        {
            var entry = snapshot.Entries[slot];
            if (entry is null) continue;
            var all = true;
            foreach (var tag in tags)
            {
                if (!entry.HasTag(tag)) { all = false; break; }
            }
            if (all && keep(entry)) found.Add(entry);
        }
        return found;
    }

    private async Task<Snapshot> CurrentAsync(PortalDbContext db, CancellationToken ct)
    {
        if (_snapshot is { } current && await StampAsync(db, current.From, ct) == current.Stamp) return current;
        await _reading.WaitAsync(ct); // one reader at a time: 32 searches arriving together read the change once
        try
        {
            var old = _snapshot;
            if (old is not null && await StampAsync(db, old.From, ct) == old.Stamp) return old;
            var all = await StampAsync(db, long.MinValue, ct);
            var from = all.Newest - Overlap;
            var stamp = await StampAsync(db, from, ct); // read before the data, so a change committed meanwhile shows next time
            var snapshot = old is null || all.Newest - old.Stamp.Newest > RebuildAfter || all.Newest < old.Stamp.Newest
                ? await BuildAsync(db, from, stamp, ct)
                : await UpdateAsync(db, old, from, stamp, ct);
            _snapshot = snapshot;
            if (all.Count > 2 * Keep)
            {
                var cut = all.Newest - Keep;
                await db.DirectoryChanges.Where(c => c.Id <= cut).ExecuteDeleteAsync(ct);
            }
            return snapshot;
        }
        finally
        {
            _reading.Release();
        }
    }

    private static async Task<Stamp> StampAsync(PortalDbContext db, long after, CancellationToken ct) =>
        await Compiled.GetValue(db.Model, static _ => new Queries()).Stamp(db, after, ct) ?? default;

    private static async Task<Snapshot> BuildAsync(PortalDbContext db, long from, Stamp stamp, CancellationToken ct)
    {
        var entries = await LoadAsync(db, null, ct);
        var slots = new Dictionary<Guid, int>(entries.Count);
        for (var i = 0; i < entries.Count; i++) slots[entries[i].Id] = i;
        return new Snapshot(from, stamp, [.. entries], slots, Postings(entries.ToArray(), null, null));
    }

    private static async Task<Snapshot> UpdateAsync(PortalDbContext db, Snapshot old, long from, Stamp stamp, CancellationToken ct)
    {
        var since = old.From;
        var changed = await db.DirectoryChanges.AsNoTracking().Where(c => c.Id > since).Select(c => c.ServiceId).Distinct().ToListAsync(ct);
        var reloaded = (await LoadAsync(db, changed, ct)).ToDictionary(e => e.Id);
        var entries = new List<Entry?>(old.Entries);
        var slots = new Dictionary<Guid, int>(old.Slots);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var changedSlots = new HashSet<int>();
        foreach (var id in changed)
        {
            reloaded.TryGetValue(id, out var now);
            if (slots.TryGetValue(id, out var slot))
            {
                touched.UnionWith(entries[slot]!.Tags);
                entries[slot] = now; // null when the service was removed
                if (now is null) slots.Remove(id);
            }
            else if (now is not null)
            {
                slot = entries.Count;
                entries.Add(now);
                slots[id] = slot;
            }
            else continue;
            changedSlots.Add(slot);
            if (now is not null) touched.UnionWith(now.Tags);
        }
        var array = entries.ToArray();
        return new Snapshot(from, stamp, array, slots, Postings(array, old.Postings, (touched, changedSlots)));
    }

    /// <summary>
    /// Each tag's services, ascending. Given the previous lists, only the <paramref name="touched"/> tags are
    /// rebuilt: their lists lose the changed slots and gain the changed entries that have the tag.
    /// </summary>
    private static Dictionary<string, int[]> Postings(Entry?[] entries, Dictionary<string, int[]>? old, (HashSet<string> Tags, HashSet<int> Slots)? touched)
    {
        if (old is null || touched is not { } change)
        {
            var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var slot = 0; slot < entries.Length; slot++)
            {
                foreach (var tag in entries[slot]?.Tags ?? [])
                {
                    if (!lists.TryGetValue(tag, out var list)) lists[tag] = list = [];
                    list.Add(slot);
                }
            }
            return lists.ToDictionary(l => l.Key, l => l.Value.ToArray(), StringComparer.Ordinal);
        }
        var postings = new Dictionary<string, int[]>(old, StringComparer.Ordinal);
        foreach (var tag in change.Tags)
        {
            var list = old.TryGetValue(tag, out var before) ? before.Where(s => !change.Slots.Contains(s)).ToList() : [];
            list.AddRange(change.Slots.Where(s => entries[s]?.HasTag(tag) == true));
            list.Sort();
            if (list.Count == 0) postings.Remove(tag);
            else postings[tag] = [.. list];
        }
        return postings;
    }

    /// <summary>Services (all, or those of <paramref name="ids"/>) with their tags and rates, tag strings shared.</summary>
    private static async Task<List<Entry>> LoadAsync(PortalDbContext db, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var services = db.Services.AsNoTracking();
        var tagRows = db.ServiceTags.AsNoTracking();
        var rateRows = db.ServiceRates.AsNoTracking();
        if (ids is not null)
        {
            if (ids.Count == 0) return [];
            services = services.Where(s => ids.Contains(s.Id));
            tagRows = tagRows.Where(t => ids.Contains(t.ServiceId));
            rateRows = rateRows.Where(r => ids.Contains(r.ServiceId));
        }
        var rows = await services
            .Select(s => new { s.Id, s.ProviderId, s.Name, s.ProviderVerifiedThrough, s.HoursFreePerWeek, s.EarliestStart, s.CapacityConfirmedAt, s.SearchText })
            .ToListAsync(ct);
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        var tagsOf = new Dictionary<Guid, List<string>>();
        await foreach (var tag in tagRows.Select(t => new { t.ServiceId, t.Tag }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!shared.TryGetValue(tag.Tag, out var text)) shared[tag.Tag] = text = tag.Tag;
            if (!tagsOf.TryGetValue(tag.ServiceId, out var list)) tagsOf[tag.ServiceId] = list = [];
            list.Add(text);
        }
        var ratesOf = (await rateRows.Select(r => new { r.ServiceId, r.Unit, r.AmountPence, r.EffectiveFrom, r.EffectiveTo }).ToListAsync(ct))
            .ToLookup(r => r.ServiceId, r => new Rate(r.Unit, r.AmountPence, r.EffectiveFrom, r.EffectiveTo));
        return rows.Select(s =>
        {
            var tags = tagsOf.TryGetValue(s.Id, out var list) ? list.ToArray() : [];
            Array.Sort(tags, StringComparer.Ordinal);
            return new Entry(s.Id, s.ProviderId, s.Name, s.ProviderVerifiedThrough, s.HoursFreePerWeek, s.EarliestStart, s.CapacityConfirmedAt,
                Encoding.UTF8.GetBytes(s.SearchText), tags, [.. ratesOf[s.Id]]);
        }).ToList();
    }

    /// <summary>The stamp's query, compiled once per model (one process can host portals on different databases).</summary>
    private static readonly ConditionalWeakTable<IModel, Queries> Compiled = new();

    private sealed class Queries
    {
        public readonly Func<PortalDbContext, long, CancellationToken, Task<Stamp?>> Stamp = EF.CompileAsyncQuery(
            (PortalDbContext db, long after, CancellationToken ct) => db.DirectoryChanges.Where(c => c.Id > after).GroupBy(c => 1)
                .Select(g => (Stamp?)new Stamp(g.Count(), g.Max(c => c.Id))).FirstOrDefault());
    }
}

/// <summary>Reads the <see cref="DirectoryIndex"/> once at start, so the first visitor's search does not wait for it.</summary>
internal sealed class DirectoryIndexWarmUp(IServiceScopeFactory scopes, DirectoryIndex index, ILogger<DirectoryIndexWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await index.WarmAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database may not be reachable yet; the first search reads the index instead.
            logger.LogWarning(e, "The directory index could not be read at start; the first search will read it.");
        }
    }
}

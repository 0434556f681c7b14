using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// A commissioner adds the next lot to one of their frameworks: a title, and optionally a type of
/// support, who it is for and localities of their authority (each from the lists). An ended
/// framework takes no new lot (<see cref="Framework.AddLot"/>).
/// </summary>
public sealed class AddLot(FrameworkChanges changes, DirectorySearch search, PortalDbContext db)
{
    public sealed record Input(Guid FrameworkId, string? Title, string? SupportType, string? ClientGroup, IReadOnlyList<string> Localities);

    public async Task<UseCaseResult<Lot>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (await changes.LoadAsync(actor, input.FrameworkId, ct) is not { } framework) return UseCaseResult<Lot>.NotFound();
        var reference = await search.ReferenceAsync(ct);
        var errors = new FieldErrors();
        errors.Check(nameof(Input.Title), Lot.TitleProblem(input.Title));
        if (!string.IsNullOrWhiteSpace(input.SupportType) && reference.SupportTypes.All(t => t.Code != input.SupportType))
        {
            errors.Add(nameof(Input.SupportType), "Choose a type of support from the list.");
        }
        if (!string.IsNullOrWhiteSpace(input.ClientGroup) && reference.ClientGroups.All(t => t.Code != input.ClientGroup))
        {
            errors.Add(nameof(Input.ClientGroup), "Choose who the lot is for from the list.");
        }
        var ours = await db.Localities.AsNoTracking().Where(l => l.AuthorityId == framework.AuthorityId).Select(l => l.Id).ToListAsync(ct);
        var localityIds = new List<Guid>();
        foreach (var value in input.Localities.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct())
        {
            if (Guid.TryParse(value, out var localityId) && ours.Contains(localityId)) localityIds.Add(localityId);
            else
            {
                errors.Add(nameof(Input.Localities), "Choose localities of your authority from the list.");
                break;
            }
        }
        if (errors.Any) return errors.Invalid<Lot>();
        return await changes.ApplyAsync(framework, f => f.AddLot(input.Title!, input.SupportType, input.ClientGroup, localityIds), ct);
    }
}

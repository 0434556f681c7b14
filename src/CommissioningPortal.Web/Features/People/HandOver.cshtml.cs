using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.People;

/// <summary><c>/people/{id}/hand-over</c>: the allocated practitioner hands the person to a colleague (<see cref="HandOverPerson"/>).</summary>
[Authorize(Policy = Policies.Practitioner)]
[OneTimeForm]
public sealed class HandOverModel(PersonRecordAccess access, HandOverPerson handOver) : PageModel
{
    [BindProperty] public string? PractitionerUserId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public SupportedPerson Person { get; private set; } = null!;
    public IReadOnlyList<(string Value, string Text)> Colleagues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await handOver.HandleAsync(new HandOverPerson.Input(id, PractitionerUserId, Reason), User, ct);
        if (result.Outcome == UseCaseOutcome.NotFound) return NotFound();
        if (!result.Succeeded) return await LoadAsync(id, ct) ? this.Refused(result) : NotFound();
        TempData["StatusMessage"] = $"{Person?.Name ?? "The person"} is now allocated to {result.Value}. They have been e-mailed.";
        return Redirect("/people");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var (person, reader) = await access.ReadAsync(id, User, "the hand-over page", ct);
        if (person is null || reader != PersonReader.Practitioner) return false;
        Person = person;
        Colleagues = (await handOver.ColleaguesAsync(person.AuthorityId, person.AllocatedPractitionerUserId, ct)).Select(c => (c.UserId, c.Name)).ToList();
        return true;
    }
}

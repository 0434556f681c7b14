using CommissioningPortal.Domain.Frameworks;

namespace CommissioningPortal.Web.Features.Frameworks;

/// <summary>
/// A commissioner makes a draft framework live, or ends a live one, after a confirmation page.
/// The two changes are a table: the address part, what the page asks and says, the rule
/// (<see cref="Framework.MakeLive"/>, <see cref="Framework.End"/>) and what to say when it is done.
/// </summary>
public sealed class ChangeFrameworkStatus(FrameworkChanges changes)
{
    public sealed record Change(string Slug, string Crumb, string Button, Func<Framework, string> Heading,
        Action<Framework, DateOnly, DateTimeOffset> Apply, Func<Framework, string> Done);

    public static readonly IReadOnlyList<Change> Changes =
    [
        new("make-live", "Make live", "Make it live", f => $"Make {f.Title} live?", static (f, today, now) => f.MakeLive(today, now),
            f => $"{f.Title} is live. Its admitted providers show as on your framework in the directory."),
        new("end", "End", "End the framework", f => $"End {f.Title}?", static (f, today, now) => f.End(today, now),
            f => $"{f.Title} has ended. Nobody shows as on it any more."),
    ];

    public static Change? Find(string? slug) => Changes.FirstOrDefault(c => string.Equals(c.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public sealed record Input(Guid FrameworkId, string? Change);

    /// <summary>Done: what to tell the commissioner.</summary>
    public async Task<UseCaseResult<string>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (Find(input.Change) is not { } change || await changes.LoadAsync(actor, input.FrameworkId, ct) is not { } framework)
        {
            return UseCaseResult<string>.NotFound();
        }
        return await changes.ApplyAsync(framework, f =>
        {
            change.Apply(f, changes.Today, changes.Now);
            return change.Done(f);
        }, ct);
    }
}

using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Frameworks;

/// <summary>
/// An admission round of a flexible framework (the Scotland Excel model, seeds/003): the first opening
/// or a re-opening that admits new entrants and takes revised prices from members, each from its date.
/// Members who do not take part stay admitted at their rates. Made through <see cref="Framework.OpenRoundFor"/>;
/// at most one is open at a time. May name the flexible-framework opportunity that advertised it.
/// </summary>
public sealed class FrameworkRound
{
    public const int MaxTitleLength = 200;

    private FrameworkRound()
    {
    }

    internal FrameworkRound(Guid frameworkId, int number, string title, DateOnly opensOn, DateOnly closesOn, Guid? opportunityId, DateTimeOffset at, string by)
    {
        FrameworkId = frameworkId;
        Number = number;
        Title = title;
        OpensOn = opensOn;
        ClosesOn = closesOn;
        OpportunityId = opportunityId;
        OpenedAt = at;
        OpenedBy = by;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid FrameworkId { get; private set; }

    /// <summary>1 for the first opening, 2 for the first re-opening …</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = "";
    public DateOnly OpensOn { get; private set; }
    public DateOnly ClosesOn { get; private set; }

    /// <summary>The flexible-framework opportunity that advertised the round, if any.</summary>
    public Guid? OpportunityId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }

    public bool IsOpen => ClosedAt is null;

    public string Name => $"Round {Number}: {Title}";

    public static string? TitleProblem(string? title) =>
        PlainText.Problem(title, "The round's title", MaxTitleLength, PlainText.Kind.Line, "Enter the round's title.");

    internal void Close(DateTimeOffset at, string by)
    {
        ClosedAt = at;
        ClosedBy = by;
    }
}

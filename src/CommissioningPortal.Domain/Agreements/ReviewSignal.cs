namespace CommissioningPortal.Domain.Agreements;

public enum SpendDirection
{
    Over,
    Under,
}

/// <summary>
/// Spending has been over (or under) plan by more than the tolerance for enough closed periods in a row
/// that the practitioner should review the agreement. One signal per run; a run that grows keeps its
/// <see cref="FirstPeriod"/>, so (agreement, direction, FirstPeriod) identifies the review task to raise once.
/// </summary>
/// <param name="FirstPeriod">Number of the first period of the run.</param>
/// <param name="LastPeriod">Number of the last period of the run so far.</param>
/// <param name="Reason">Plain language, e.g. "Spending has been more than 15% under plan for 3 periods in a row".</param>
public sealed record ReviewSignal(
    SpendDirection Direction,
    int FirstPeriod,
    int LastPeriod,
    decimal TolerancePercent,
    string Reason)
{
    public int PeriodsInRow => LastPeriod - FirstPeriod + 1;

    /// <summary>
    /// What the review asks: an underspend is a question about whether the support still fits (something not
    /// working, or saving up), never just money to take back; an overspend, whether the budget meets the needs.
    /// </summary>
    public string Question => Direction == SpendDirection.Under
        ? "Ask whether the support still fits: is something not working, or is the person saving up? Do not simply take the money back."
        : "Ask whether the person needs more support than the budget allows.";
}

using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Domain.Frameworks;

/// <summary>
/// One of a lot member's rates, in force from <see cref="EffectiveFrom"/> until the next one's date. A
/// re-opening round adds a revised price this way; the old rate stays, so a day before the new date still
/// reads the old one (<see cref="LotMember.RateOn"/>). Never changed once written.
/// </summary>
public sealed class LotRate
{
    private LotRate()
    {
    }

    internal LotRate(Guid lotMemberId, int amountPence, RateUnit unit, DateOnly effectiveFrom, Guid? roundId, DateTimeOffset at, string by)
    {
        LotMemberId = lotMemberId;
        AmountPence = amountPence;
        Unit = unit;
        EffectiveFrom = effectiveFrom;
        RoundId = roundId;
        RecordedAt = at;
        RecordedBy = by;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid LotMemberId { get; private set; }
    public int AmountPence { get; private set; }
    public RateUnit Unit { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>The round it was offered in, if any.</summary>
    public Guid? RoundId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    public string Text => ServiceRate.TextOf(AmountPence, Unit);
}

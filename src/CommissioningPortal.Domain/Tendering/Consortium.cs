namespace CommissioningPortal.Domain.Tendering;

/// <summary>
/// A provider the lead of a response has invited into its consortium (issue 15 part 4). Each member confirms
/// for itself; the lead cannot submit until every member it names has confirmed.
/// </summary>
public sealed class ConsortiumMember
{
    private ConsortiumMember()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ResponseId { get; private set; }
    public Guid OpportunityId { get; private set; }
    public Guid ProviderId { get; private set; }
    public DateTimeOffset InvitedAt { get; private set; }
    public string InvitedBy { get; private set; } = "";
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? ConfirmedBy { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    /// <summary>The lead invites <paramref name="memberProviderId"/>; refused when the response cannot change or the member is the lead.</summary>
    public static ConsortiumMember Invite(TenderResponse lead, Guid memberProviderId, IEnumerable<Guid> alreadyInvited, DateTimeOffset now, DateTimeOffset? deadline, string by)
    {
        lead.RequireEditable(now, deadline);
        if (memberProviderId == lead.ProviderId) throw new TenderingRuleException("You lead this response: choose another provider to invite.", "MemberProviderId");
        if (alreadyInvited.Contains(memberProviderId)) throw new TenderingRuleException("That provider is already in your consortium.", "MemberProviderId");
        return new ConsortiumMember
        {
            ResponseId = lead.Id, OpportunityId = lead.OpportunityId, ProviderId = memberProviderId, InvitedAt = now, InvitedBy = by,
        };
    }

    public void Confirm(DateTimeOffset now, DateTimeOffset? deadline, string by)
    {
        if (deadline is null || now > deadline) throw new TenderingRuleException("The deadline has passed: the consortium can no longer change.");
        if (IsConfirmed) throw new TenderingRuleException("You have already confirmed.");
        ConfirmedAt = now;
        ConfirmedBy = by;
    }
}

using CommissioningPortal.Domain.Frameworks;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Frameworks;

/// <summary>Who is "on the framework of" an authority, and the framework's own rules.</summary>
public sealed class FrameworkMembershipTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Glenmore = Guid.NewGuid();
    private static readonly Guid Ardbrae = Guid.NewGuid();
    private static readonly Guid Provider = Guid.NewGuid();

    private static (Framework Framework, LotMember Member) OnLiveFramework(DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        var framework = new Framework { AuthorityId = Glenmore, Reference = "FW-1", Title = "Care at home", StartsOn = startsOn ?? Today.AddDays(-30), EndsOn = endsOn };
        var lot = new Lot { FrameworkId = framework.Id, Number = 1, Title = "Care at home" };
        var member = new LotMember { LotId = lot.Id, ProviderId = Provider, AdmittedOn = Today.AddDays(-10) };
        lot.Members.Add(member);
        framework.Lots.Add(lot);
        framework.MakeLive(Today.AddDays(-30), Now.AddDays(-30));
        return (framework, member);
    }

    [Fact]
    public void An_admitted_provider_on_a_live_framework_in_its_dates_is_on_the_framework_of_that_authority_only()
    {
        var (framework, member) = OnLiveFramework(endsOn: Today.AddYears(1));
        Assert.True(FrameworkMembership.Counts(framework, member, Glenmore, Today));
        Assert.True(FrameworkMembership.IsOnFrameworkOf(Provider, Glenmore, Today, [framework]));
        Assert.False(FrameworkMembership.IsOnFrameworkOf(Provider, Ardbrae, Today, [framework]));
        Assert.False(FrameworkMembership.IsOnFrameworkOf(Guid.NewGuid(), Glenmore, Today, [framework]));
    }

    [Fact]
    public void Suspended_and_withdrawn_providers_are_not_on_it_and_a_reinstated_one_is_again()
    {
        var (framework, member) = OnLiveFramework();
        member.Suspend("Care Inspectorate concern under review", Now, "Commissioner");
        Assert.Equal(LotMemberStatus.Suspended, member.Status);
        Assert.False(FrameworkMembership.Counts(framework, member, Glenmore, Today));
        member.Reinstate("Concern closed", Now, "Commissioner");
        Assert.True(FrameworkMembership.Counts(framework, member, Glenmore, Today));
        member.Withdraw("Asked to leave the framework", Now, "Commissioner");
        Assert.False(FrameworkMembership.Counts(framework, member, Glenmore, Today));
        Assert.Equal("Asked to leave the framework", member.StatusReason);
        var refused = Assert.Throws<FrameworkRuleException>(() => member.Reinstate("Changed our mind", Now, "Commissioner"));
        Assert.Contains("cannot be reinstated", refused.Message);
    }

    [Fact]
    public void A_change_of_standing_needs_a_reason_and_changes_nothing_without_one()
    {
        var (_, member) = OnLiveFramework();
        Assert.Throws<FrameworkRuleException>(() => member.Suspend("  ", Now, "Commissioner"));
        Assert.Throws<FrameworkRuleException>(() => member.Withdraw(new string('x', LotMember.MaxReasonLength + 1), Now, "Commissioner"));
        Assert.Equal(LotMemberStatus.Admitted, member.Status);
        Assert.Null(member.StatusReason);
        Assert.Throws<FrameworkRuleException>(() => member.Reinstate("Not suspended", Now, "Commissioner"));
    }

    [Fact]
    public void Nobody_is_on_an_ended_framework()
    {
        var (framework, member) = OnLiveFramework(endsOn: Today.AddYears(2));
        framework.End(Today, Now);
        Assert.Equal(FrameworkStatus.Ended, framework.Status);
        Assert.Equal(Today, framework.EndsOn);
        Assert.False(FrameworkMembership.Counts(framework, member, Glenmore, Today));
        Assert.Throws<FrameworkRuleException>(() => framework.MakeLive(Today, Now));
        Assert.Throws<FrameworkRuleException>(() => framework.End(Today, Now));
    }

    [Fact]
    public void A_framework_counts_only_between_its_dates()
    {
        var (notStarted, member) = OnLiveFramework(startsOn: Today.AddDays(7));
        Assert.False(FrameworkMembership.Counts(notStarted, member, Glenmore, Today));
        Assert.True(FrameworkMembership.Counts(notStarted, member, Glenmore, Today.AddDays(7)));

        var (expired, member2) = OnLiveFramework(startsOn: Today.AddYears(-3), endsOn: Today.AddDays(-1));
        Assert.False(FrameworkMembership.Counts(expired, member2, Glenmore, Today));
        Assert.True(FrameworkMembership.Counts(expired, member2, Glenmore, Today.AddDays(-1)));
    }

    [Fact]
    public void A_provider_admitted_later_than_the_day_is_not_on_it_yet()
    {
        var (framework, member) = OnLiveFramework();
        member.AdmittedOn = Today.AddDays(1);
        Assert.False(FrameworkMembership.Counts(framework, member, Glenmore, Today));
    }

    [Fact]
    public void A_draft_does_not_count_and_cannot_go_live_without_a_lot_or_after_its_end_date()
    {
        var draft = new Framework { AuthorityId = Glenmore, Reference = "FW-2", Title = "Draft" };
        var lot = new Lot { FrameworkId = draft.Id, Number = 1, Title = "Lot" };
        var member = new LotMember { LotId = lot.Id, ProviderId = Provider, AdmittedOn = Today };
        lot.Members.Add(member);
        Assert.False(FrameworkMembership.Counts(draft, member, Glenmore, Today));

        Assert.Contains("at least one lot", Assert.Throws<FrameworkRuleException>(() => draft.MakeLive(Today, Now)).Message);
        draft.Lots.Add(lot);
        draft.EndsOn = Today.AddDays(-1);
        Assert.Contains("has passed", Assert.Throws<FrameworkRuleException>(() => draft.MakeLive(Today, Now)).Message);
        Assert.Equal(FrameworkStatus.Draft, draft.Status);

        draft.EndsOn = null;
        draft.MakeLive(Today, Now);
        Assert.Equal(Today, draft.StartsOn); // no start date: it starts the day it goes live
        Assert.Equal(Now, draft.WentLiveAt);
        Assert.True(FrameworkMembership.Counts(draft, member, Glenmore, Today));
        Assert.Throws<FrameworkRuleException>(() => draft.MakeLive(Today, Now));
    }

    [Fact]
    public void A_draft_cannot_be_ended_and_dates_must_run_forwards()
    {
        var draft = new Framework { AuthorityId = Glenmore, Reference = "FW-3", Title = "Draft" };
        Assert.Throws<FrameworkRuleException>(() => draft.End(Today, Now));
        Assert.NotNull(Framework.DatesProblem(Today, Today.AddDays(-1)));
        Assert.Null(Framework.DatesProblem(Today, Today));
        Assert.Null(Framework.DatesProblem(null, Today));
    }

    [Fact]
    public void A_members_rate_reads_like_the_directorys_rates()
    {
        var member = new LotMember { RatePence = 2350, RateUnit = CommissioningPortal.Domain.Marketplace.RateUnit.PerHour };
        Assert.Equal("£23.50 per hour", member.RateText);
        Assert.Equal("Not set", new LotMember().RateText);
    }
}

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

    private static (Framework Framework, LotMember Member) OnLiveFramework(DateOnly? startsOn = null, DateOnly? endsOn = null, DateOnly? admittedOn = null)
    {
        var framework = Framework.CreateDraft(Glenmore, "FW-1", "Care at home", null, startsOn ?? Today.AddDays(-30), endsOn, Now.AddDays(-30), "Commissioner");
        var lot = framework.AddLot("Care at home", null, null, []);
        var member = framework.Admit(lot.Id, Provider, "Bright Steps Care", admittedOn ?? Today.AddDays(-10), null, Now.AddDays(-30), "Commissioner");
        framework.MakeLive(Today.AddDays(-30), Now.AddDays(-30));
        return (framework, member);
    }

    private static void Change(Framework framework, LotMember member, StandingChange change, string reason) =>
        framework.ChangeStanding(member.Id, change, reason, Now, "Commissioner");

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
        Change(framework, member, StandingChange.Suspend, "Care Inspectorate concern under review");
        Assert.Equal(LotMemberStatus.Suspended, member.Status);
        Assert.False(FrameworkMembership.Counts(framework, member, Glenmore, Today));
        Change(framework, member, StandingChange.Reinstate, "Concern closed");
        Assert.True(FrameworkMembership.Counts(framework, member, Glenmore, Today));
        Change(framework, member, StandingChange.Withdraw, "Asked to leave the framework");
        Assert.False(FrameworkMembership.Counts(framework, member, Glenmore, Today));
        Assert.Equal("Asked to leave the framework", member.StatusReason);
        var refused = Assert.Throws<FrameworkRuleException>(() => Change(framework, member, StandingChange.Reinstate, "Changed our mind"));
        Assert.Contains("cannot be reinstated", refused.Message);
    }

    [Fact]
    public void A_change_of_standing_needs_a_reason_and_changes_nothing_without_one()
    {
        var (framework, member) = OnLiveFramework();
        Assert.Throws<FrameworkRuleException>(() => Change(framework, member, StandingChange.Suspend, "  "));
        Assert.Throws<FrameworkRuleException>(() => Change(framework, member, StandingChange.Withdraw, new string('x', LotMember.MaxReasonLength + 1)));
        Assert.Equal(LotMemberStatus.Admitted, member.Status);
        Assert.Null(member.StatusReason);
        Assert.Throws<FrameworkRuleException>(() => Change(framework, member, StandingChange.Reinstate, "Not suspended"));
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
        // Nothing on it changes any more, and every change says so in the same words.
        Assert.Equal(Framework.EndedMessage, Assert.Throws<FrameworkRuleException>(() => Change(framework, member, StandingChange.Suspend, "Late concern")).Message);
        Assert.Equal(Framework.EndedMessage, Assert.Throws<FrameworkRuleException>(() => framework.AddLot("Nights", null, null, [])).Message);
        Assert.Equal(Framework.EndedMessage, Assert.Throws<FrameworkRuleException>(() => framework.Admit(framework.Lots[0].Id, Guid.NewGuid(), "Late Care", Today, null, Now, "Commissioner")).Message);
        Assert.Equal(LotMemberStatus.Admitted, member.Status);
        Assert.Single(framework.Lots);
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
        var (framework, member) = OnLiveFramework(admittedOn: Today.AddDays(1));
        Assert.False(FrameworkMembership.Counts(framework, member, Glenmore, Today));
    }

    [Fact]
    public void A_draft_does_not_count_and_cannot_go_live_without_a_lot_or_after_its_end_date()
    {
        var lapsed = Framework.CreateDraft(Glenmore, "FW-2", "Draft", null, null, Today.AddDays(-1), Now, "Commissioner");
        Assert.Contains("at least one lot", Assert.Throws<FrameworkRuleException>(() => lapsed.MakeLive(Today, Now)).Message);
        lapsed.AddLot("Lot", null, null, []);
        Assert.Contains("has passed", Assert.Throws<FrameworkRuleException>(() => lapsed.MakeLive(Today, Now)).Message);
        Assert.Equal(FrameworkStatus.Draft, lapsed.Status);

        var draft = Framework.CreateDraft(Glenmore, "FW-2", "Draft", null, null, null, Now, "Commissioner");
        var lot = draft.AddLot("Lot", null, null, []);
        var member = draft.Admit(lot.Id, Provider, "Bright Steps Care", Today, null, Now, "Commissioner");
        Assert.False(FrameworkMembership.Counts(draft, member, Glenmore, Today));
        draft.MakeLive(Today, Now);
        Assert.Equal(Today, draft.StartsOn); // no start date: it starts the day it goes live
        Assert.Equal(Now, draft.WentLiveAt);
        Assert.True(FrameworkMembership.Counts(draft, member, Glenmore, Today));
        Assert.Throws<FrameworkRuleException>(() => draft.MakeLive(Today, Now));
    }

    [Fact]
    public void A_draft_cannot_be_ended_and_dates_must_run_forwards()
    {
        var draft = Framework.CreateDraft(Glenmore, "FW-3", "Draft", null, null, null, Now, "Commissioner");
        Assert.Throws<FrameworkRuleException>(() => draft.End(Today, Now));
        Assert.NotNull(Framework.DatesProblem(Today, Today.AddDays(-1)));
        Assert.Null(Framework.DatesProblem(Today, Today));
        Assert.Null(Framework.DatesProblem(null, Today));
    }

    [Fact]
    public void A_members_rate_reads_like_the_directorys_rates()
    {
        var framework = Framework.CreateDraft(Glenmore, "FW-4", "Rates", null, null, null, Now, "Commissioner");
        var lot = framework.AddLot("Lot", null, null, []);
        var member = framework.Admit(lot.Id, Provider, "Bright Steps Care", Today, (2350, CommissioningPortal.Domain.Marketplace.RateUnit.PerHour), Now, "Commissioner");
        Assert.Equal("£23.50 per hour", member.RateTextOn(Today));
        Assert.Equal("Not set", framework.Admit(lot.Id, Guid.NewGuid(), "Loch View", Today, null, Now, "Commissioner").RateTextOn(Today));
    }

    [Fact]
    public void Lots_are_numbered_in_turn_and_a_provider_is_on_a_lot_once_in_any_standing()
    {
        var framework = Framework.CreateDraft(Glenmore, "FW-5", "Lots", null, null, null, Now, "Commissioner");
        var first = framework.AddLot("Days", null, null, []);
        var second = framework.AddLot("Nights", "care-at-home", "older-people", [Guid.Empty, Guid.Empty]);
        Assert.Equal([1, 2], framework.Lots.Select(l => l.Number));
        Assert.Single(second.LocalityIds);
        var member = framework.Admit(first.Id, Provider, "Bright Steps Care", Today, null, Now, "Commissioner");
        Assert.Contains("is already on lot 1", Assert.Throws<FrameworkRuleException>(() => framework.Admit(first.Id, Provider, "Bright Steps Care", Today, null, Now, "Commissioner")).Message);
        framework.ChangeStanding(member.Id, StandingChange.Withdraw, "Left", Now, "Commissioner");
        var again = Assert.Throws<FrameworkRuleException>(() => framework.Admit(first.Id, Provider, "Bright Steps Care", Today, null, Now, "Commissioner"));
        Assert.Contains("A withdrawal is final", again.Message);
        Assert.Equal(nameof(LotMember.ProviderId), again.Field);
        framework.Admit(second.Id, Provider, "Bright Steps Care", Today, null, Now, "Commissioner"); // another lot is another matter
        Assert.Equal(2, framework.Lots.Sum(l => l.Members.Count));
    }

    [Theory]
    [InlineData("SDS\u200BFW", "zero-width space (U+200B)")]
    [InlineData("SDS\u202EWF", "right-to-left override (U+202E)")]
    [InlineData("SDS\nFW", "line break (U+000A)")]
    [InlineData("SDS\u00A0FW", "no-break space (U+00A0)")]
    [InlineData("SDS\uFEFFFW", "zero-width no-break space (U+FEFF)")]
    [InlineData("SDS\u3164FW", "invisible character (U+3164)")]
    public void A_reference_with_a_hidden_or_control_character_is_refused_naming_it(string reference, string named)
    {
        Assert.Contains(named, Framework.ReferenceProblem(reference));
        var refused = Assert.Throws<FrameworkRuleException>(() => Framework.CreateDraft(Glenmore, reference, "Title", null, null, null, Now, "Commissioner"));
        Assert.Equal(nameof(Framework.Reference), refused.Field);
        Assert.Null(Framework.ReferenceProblem("SDS-FW 2026/27 (Glenmore)"));
        // Titles and lot names may hold a zero-width joiner (scripts and emoji need it), but not a direction override or a line break.
        Assert.Null(Lot.TitleProblem("Gàidhlig \u0645\u200C\u0627"));
        Assert.NotNull(Lot.TitleProblem("Nights\u202E"));
        Assert.NotNull(Framework.TitleProblem("Care\r\nat home"));
        Assert.Null(Framework.DescriptionProblem("Line one.\r\nLine two."));
        Assert.NotNull(Framework.DescriptionProblem("Hidden \u2066order"));
    }
}

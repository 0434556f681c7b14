using CommissioningPortal.Domain.Opportunities;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Opportunities;

/// <summary>Every rule of an opportunity: its details, lots, publishing, amending, closing and cancelling.</summary>
public sealed class OpportunityRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Glenmore = Guid.NewGuid();

    private static OpportunityDetails Valid() => new()
    {
        Kind = OpportunityKind.OpenTender,
        Title = "Care at home in Glenmore North",
        Summary = "We want providers of care at home for adults in the north of Glenmore.",
        Description = "## Scope\nCare at home.",
        CpvCodes = ["85312000"],
        Localities = ["glenmore-north"],
        ClientGroups = ["older-people"],
        EstimatedValuePence = 100_000_000,
        DurationMonths = 36,
        PublicationAt = Now.AddDays(1),
        ClarificationDeadline = Now.AddDays(14),
        SubmissionDeadline = Now.AddDays(30),
        ExpectedAwardOn = DateOnly.FromDateTime(Now.AddDays(60).UtcDateTime),
        ContractStartOn = DateOnly.FromDateTime(Now.AddDays(90).UtcDateTime),
        QualityWeight = 60, PriceWeight = 30, FairWorkWeight = 10,
    };

    private static Opportunity Draft(OpportunityDetails? details = null) => Opportunity.CreateDraft(Glenmore, details ?? Valid(), Now, "Commissioner");

    private static Opportunity Published()
    {
        var o = Draft();
        o.AddLot("North", null, 50_000_000);
        o.Publish(Now, "Commissioner");
        return o;
    }

    [Fact]
    public void A_new_draft_keeps_what_was_typed_trimmed_and_starts_as_a_draft()
    {
        var o = Draft(Valid() with { Title = "  Care at home  ", CpvCodes = ["85312000", "85312000"] });
        Assert.Equal(OpportunityStatus.Draft, o.Status);
        Assert.Equal("Care at home", o.Title);
        Assert.Equal(["85312000"], o.CpvCodes);
        Assert.Empty(o.Changes);
    }

    [Theory]
    [InlineData(60, 30, 20, 110)]
    [InlineData(50, 30, 10, 90)]
    public void Award_criteria_weights_must_add_up_to_100(int quality, int price, int fairWork, int sum)
    {
        var ex = Assert.Throws<OpportunityRuleException>(() => Draft(Valid() with { QualityWeight = quality, PriceWeight = price, FairWorkWeight = fairWork }));
        Assert.Equal(nameof(OpportunityDetails.QualityWeight), ex.Field);
        Assert.Contains("add up to 100", ex.Message);
        Assert.Contains(sum.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Fact]
    public void Negative_weights_are_refused() =>
        Assert.Throws<OpportunityRuleException>(() => Draft(Valid() with { QualityWeight = 110, PriceWeight = -10, FairWorkWeight = 0 }));

    [Fact]
    public void The_submission_deadline_must_be_after_publication()
    {
        var problems = (Valid() with { SubmissionDeadline = Now, ClarificationDeadline = null }).Problems();
        Assert.Contains(problems, p => p.Field == nameof(OpportunityDetails.SubmissionDeadline) && p.Message.Contains("after the publication date"));
    }

    [Fact]
    public void The_clarification_deadline_must_be_before_the_submission_deadline()
    {
        var problems = (Valid() with { ClarificationDeadline = Now.AddDays(31) }).Problems();
        Assert.Contains(problems, p => p.Field == nameof(OpportunityDetails.ClarificationDeadline) && p.Message.Contains("before the submission deadline"));
    }

    [Fact]
    public void Award_and_contract_start_come_after_the_deadline_in_order()
    {
        var problems = (Valid() with
        {
            ExpectedAwardOn = DateOnly.FromDateTime(Now.AddDays(2).UtcDateTime),
            ContractStartOn = DateOnly.FromDateTime(Now.AddDays(1).UtcDateTime),
        }).Problems();
        Assert.Contains(problems, p => p.Field == nameof(OpportunityDetails.ExpectedAwardOn));
        Assert.Contains(problems, p => p.Field == nameof(OpportunityDetails.ContractStartOn));
    }

    [Fact]
    public void Every_problem_is_listed_at_once_with_its_field()
    {
        var problems = (Valid() with { Title = "", Summary = " ", CpvCodes = ["8531"], QualityWeight = 0 }).Problems();
        Assert.Contains(problems, p => p.Field == "Title");
        Assert.Contains(problems, p => p.Field == "Summary");
        Assert.Contains(problems, p => p.Field == "CpvCodes" && p.Message.Contains("8531"));
        Assert.Contains(problems, p => p.Field == "QualityWeight");
    }

    [Fact]
    public void Value_and_duration_cannot_be_negative_or_absurd()
    {
        var problems = (Valid() with { EstimatedValuePence = -1, DurationMonths = 0 }).Problems();
        Assert.Contains(problems, p => p.Field == "EstimatedValuePence");
        Assert.Contains(problems, p => p.Field == "DurationMonths");
    }

    [Fact]
    public void Lots_are_numbered_and_can_be_removed_while_a_draft()
    {
        var o = Draft();
        var a = o.AddLot("North", "Adults", 1000);
        var b = o.AddLot("South", null, null);
        Assert.Equal([1, 2], o.Lots.Select(l => l.Number));
        o.RemoveLot(a.Id);
        Assert.Equal([b.Id], o.Lots.Select(l => l.Id));
        Assert.Equal(3, o.AddLot("East", null, null).Number);
    }

    [Fact]
    public void A_lot_needs_a_title_and_a_value_not_below_zero()
    {
        var o = Draft();
        Assert.Equal("Title", Assert.Throws<OpportunityRuleException>(() => o.AddLot(" ", null, null)).Field);
        Assert.Equal("ValuePence", Assert.Throws<OpportunityRuleException>(() => o.AddLot("North", null, -5)).Field);
    }

    [Fact]
    public void Publishing_needs_a_future_submission_deadline_and_records_it_in_the_change_log()
    {
        var noDeadline = Draft(Valid() with { SubmissionDeadline = null, ClarificationDeadline = null, ExpectedAwardOn = null, ContractStartOn = null });
        Assert.Contains(noDeadline.PublishProblems(Now), p => p.Contains("submission deadline"));
        Assert.Throws<OpportunityRuleException>(() => noDeadline.Publish(Now, "Commissioner"));
        Assert.Equal(OpportunityStatus.Draft, noDeadline.Status);

        var o = Published();
        Assert.Equal(OpportunityStatus.Published, o.Status);
        Assert.Equal(Now, o.PublishedAt);
        Assert.Equal(Now, o.PublicationAt);
        Assert.Single(o.Changes);
        Assert.Throws<OpportunityRuleException>(() => o.Publish(Now, "Commissioner"));
    }

    [Fact]
    public void A_published_opportunity_is_not_edited_as_a_draft_nor_its_lots_changed()
    {
        var o = Published();
        Assert.Throws<OpportunityRuleException>(() => o.EditDraft(Valid()));
        Assert.Throws<OpportunityRuleException>(() => o.AddLot("East", null, null));
        Assert.Throws<OpportunityRuleException>(() => o.RemoveLot(o.Lots[0].Id));
    }

    [Fact]
    public void An_amendment_names_what_changed_when_and_by_whom()
    {
        var o = Published();
        var change = o.Amend(o.Details() with { SubmissionDeadline = Now.AddDays(40) }, "More time for small providers.", Now.AddDays(2), "Ailsa");
        Assert.Equal(Now.AddDays(40), o.SubmissionDeadline);
        Assert.Equal("Ailsa", change.By);
        Assert.Equal(Now.AddDays(2), change.At);
        Assert.Contains("submission deadline", change.What);
        Assert.Contains("More time", change.What);
        Assert.Equal(2, o.Changes.Count);
    }

    [Fact]
    public void An_amendment_needs_a_note_a_change_and_valid_details()
    {
        var o = Published();
        Assert.Equal("Note", Assert.Throws<OpportunityRuleException>(() => o.Amend(o.Details() with { Title = "New" }, " ", Now, "A")).Field);
        Assert.Throws<OpportunityRuleException>(() => o.Amend(o.Details(), "Nothing", Now, "A"));
        Assert.Throws<OpportunityRuleException>(() => o.Amend(o.Details() with { PriceWeight = 0 }, "Weights", Now, "A"));
        Assert.Equal("Care at home in Glenmore North", o.Title);
        Assert.Single(o.Changes);
        Assert.Throws<OpportunityRuleException>(() => Draft().Amend(Valid() with { Title = "X" }, "note", Now, "A"));
    }

    [Fact]
    public void Cancelling_needs_a_reason_and_is_final()
    {
        var o = Published();
        Assert.Equal(nameof(Opportunity.CancellationReason), Assert.Throws<OpportunityRuleException>(() => o.Cancel("  ", Now, "A")).Field);
        Assert.Equal(OpportunityStatus.Published, o.Status);
        o.Cancel("Budget withdrawn.", Now, "A");
        Assert.Equal(OpportunityStatus.Cancelled, o.Status);
        Assert.Equal("Budget withdrawn.", o.CancellationReason);
        Assert.Contains(o.Changes, c => c.What.Contains("Budget withdrawn."));
        Assert.Throws<OpportunityRuleException>(() => o.Cancel("Again", Now, "A"));
        Assert.Throws<OpportunityRuleException>(() => o.Close(Now, "A"));
    }

    [Fact]
    public void Only_a_published_opportunity_closes_and_a_closed_one_is_not_cancelled()
    {
        Assert.Throws<OpportunityRuleException>(() => Draft().Close(Now, "A"));
        var o = Published();
        o.Close(Now.AddDays(31), "A");
        Assert.Equal(OpportunityStatus.Closed, o.Status);
        Assert.Throws<OpportunityRuleException>(() => o.Cancel("Late", Now, "A"));
    }

    [Fact]
    public void A_draft_can_be_cancelled_with_a_reason()
    {
        var o = Draft();
        o.Cancel("Not needed.", Now, "A");
        Assert.Equal(OpportunityStatus.Cancelled, o.Status);
    }

    [Fact]
    public void Every_kind_has_a_name() =>
        Assert.All(Enum.GetValues<OpportunityKind>(), k => Assert.NotEqual(k.ToString(), OpportunityNames.Kind(k)));
}

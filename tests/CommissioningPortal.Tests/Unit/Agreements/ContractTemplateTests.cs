using CommissioningPortal.Domain.Agreements;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Agreements;

/// <summary>An authority's agreement template versions: one draft at a time, and a published version never changes.</summary>
public sealed class ContractTemplateTests
{
    private static readonly Guid Authority = Guid.NewGuid();
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static ContractTemplate Draft(IEnumerable<ContractTemplate> existing, out bool created) =>
        ContractTemplate.DraftFor(existing, Authority, "isf-agreement", "# Default", "Craig", At, out created);

    [Fact]
    public void The_first_draft_is_version_1_of_the_default()
    {
        var draft = Draft([], out var created);

        Assert.True(created);
        Assert.Equal((1, "# Default", false), (draft.Number, draft.Markdown, draft.IsPublished));
    }

    [Fact]
    public void An_open_draft_is_continued_and_the_next_copies_the_newest_published_version()
    {
        var first = Draft([], out _);
        Assert.Same(first, Draft([first], out var created));
        Assert.False(created);

        first.Publish("# Ours", At, "Craig");
        var second = Draft([first], out created);

        Assert.True(created);
        Assert.Equal((2, "# Ours"), (second.Number, second.Markdown));
    }

    [Fact]
    public void A_published_version_cannot_change()
    {
        var template = Draft([], out _);
        template.Publish("# Ours", At, "Craig");

        Assert.Equal(ContractTemplate.PublishedCannotChange, template.EditProblem);
        Assert.Throws<InvalidOperationException>(() => template.Edit("# Changed"));
        Assert.Throws<InvalidOperationException>(() => template.Publish("# Changed", At, "Someone"));
        Assert.Equal(("# Ours", "Craig"), (template.Markdown, template.PublishedBy));
    }
}

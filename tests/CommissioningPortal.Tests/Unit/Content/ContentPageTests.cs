using CommissioningPortal.Domain.Content;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Content;

/// <summary>A content page's revisions: every save is a new one, and publishing or restoring never rewrites history.</summary>
public sealed class ContentPageTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_page_starts_with_one_unpublished_draft()
    {
        var page = ContentPage.Create("paying-for-care", " Paying for care ", "Text.", "Admin", At);

        Assert.Equal((1, "Paying for care", false), (page.Latest!.Number, page.Latest.Title, page.IsPublished));
    }

    [Theory]
    [InlineData("Not A Slug!", "The address can only have lower-case letters, numbers and hyphens, and cannot start or end with a hyphen")]
    [InlineData("-edge", "The address can only have lower-case letters, numbers and hyphens, and cannot start or end with a hyphen")]
    [InlineData("", "Enter the page's address")]
    public void A_bad_address_is_refused_with_its_reason(string slug, string problem)
    {
        Assert.Equal(problem, ContentPage.SlugProblem(slug));
        Assert.Equal(problem, Assert.Throws<ArgumentException>(() => ContentPage.Create(slug, "Title", "Text.", "Admin", At)).Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public void Publishing_restoring_and_unpublishing_keep_every_revision()
    {
        var page = ContentPage.Create("about", "About", "One.", "Admin", At);
        page.AddRevision("About", "Two.", "Admin", At.AddHours(1));

        Assert.True(page.Publish(2, At.AddHours(2)));
        Assert.False(page.Publish(9, At.AddHours(2)));
        var restored = page.Restore(1, "Admin", At.AddHours(3))!;
        page.Unpublish();

        Assert.Equal((3, "One."), (restored.Number, restored.Markdown));
        Assert.Equal([1, 2, 3], page.Revisions.Select(r => r.Number));
        Assert.Equal(At.AddHours(2), page.Revisions.Single(r => r.Number == 2).PublishedAt);
        Assert.False(page.IsPublished);
        Assert.Null(page.Restore(9, "Admin", At));
    }
}

using CommissioningPortal.Documents.Templates;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Documents;

/// <summary>
/// Issue 12, item 4: a template is text someone typed, so it is refused on save, and stops when
/// rendered, when it repeats too much, makes too much text, nests too deep or takes too long.
/// Steps and sizes are counted, so these tests are exact; time is measured on a fake clock.
/// </summary>
public sealed class TemplateLimitsTests
{
    private static readonly IsfAgreementModel Sample = IsfAgreementModel.Sample();
    private static readonly TemplateLimits Limits = TemplateLimits.Default;

    [Fact]
    public void A_loop_over_a_million_numbers_is_refused_on_save_at_its_line_naming_the_step_limit()
    {
        var error = Assert.Single(AgreementTemplate.Validate("# Agreement\n\nFor {{ person.name }}.\n{% for i in (1..1000000) %}{{ i }} {% endfor %}\n"));

        Assert.Equal(4, error.Line);
        Assert.Equal("this loop would go round 1,000,000 times: a template may take at most 20,000 steps (each loop round, tag and merge field is a step)", error.Message);
    }

    [Fact]
    public void A_string_doubled_22_times_is_refused_on_save_naming_the_output_limit()
    {
        var source = "# Agreement\n\n{% assign s = \"0123456789\" %}\n{% for i in (1..22) %}{% assign s = s | append: s %}{% endfor %}\n{{ s }}\n";

        var error = Assert.Single(AgreementTemplate.Validate(source));

        Assert.Equal(3, error.Line); // the assign that grows
        Assert.Equal("the template makes too much text: a filled-in template, and any value it builds, may have at most 250,000 characters", error.Message);
    }

    [Fact]
    public void A_capture_that_doubles_is_refused_on_save_too()
    {
        var source = "{% capture s %}0123456789{% endcapture %}\n{% for i in (1..22) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}\n{{ s }}\n";

        var error = Assert.Single(AgreementTemplate.Validate(source));

        Assert.Equal(1, error.Line);
        Assert.Contains("at most 250,000 characters", error.Message);
    }

    [Fact]
    public void A_300000_step_loop_in_nested_ranges_is_refused_on_save_at_the_inner_loop()
    {
        var source = "# Draft\n\n{% for a in (1..300) %}\n{% for b in (1..1000) %}.{% endfor %}\n{% endfor %}\n";

        var error = Assert.Single(AgreementTemplate.Validate(source));

        Assert.Equal(4, error.Line);
        Assert.Equal("this loop, inside the loops around it, would go round 300,000 times: a template may take at most 20,000 steps (each loop round, tag and merge field is a step)", error.Message);
    }

    [Fact]
    public void A_loop_that_only_repeats_too_much_with_the_data_is_refused_on_save_at_the_first_loop()
    {
        // 13 payments in the sample × 2,000 rounds: nothing to see until it runs.
        var source = "# Payments\n\n{% for p in payments %}\n{% for i in (1..2000) %}{{ p.amount | money }}{% endfor %}\n{% endfor %}\n";

        var error = Assert.Single(AgreementTemplate.Validate(source));

        Assert.Equal(3, error.Line);
        Assert.StartsWith("the template repeats too much: a template may take at most 20,000 steps", error.Message);
    }

    [Fact]
    public void Blocks_nested_deeper_than_the_limit_are_refused_at_the_line_that_goes_over()
    {
        var depth = Limits.MaxNesting + 1;
        var source = string.Concat(Enumerable.Range(1, depth).Select(_ => "{% if representative %}\n")) + "deep\n" + string.Concat(Enumerable.Repeat("{% endif %}\n", depth));

        var error = Assert.Single(AgreementTemplate.Validate(source));

        Assert.Equal(depth, error.Line);
        Assert.Contains($"at most {Limits.MaxNesting} blocks", error.Message);
    }

    [Fact]
    public void A_template_longer_than_the_limit_is_refused_at_the_line_where_it_goes_over()
    {
        var line = new string('x', 999) + "\n"; // 1,000 characters a line
        var source = string.Concat(Enumerable.Repeat(line, Limits.MaxTemplateCharacters / 1000 + 1));

        var error = Assert.Single(AgreementTemplate.Validate(source));

        Assert.Equal(Limits.MaxTemplateCharacters / 1000 + 1, error.Line);
        Assert.StartsWith("the template is too long: it has 101,000 characters and a template may have at most 100,000", error.Message);
    }

    [Fact]
    public void The_default_template_is_far_inside_every_limit()
    {
        var tight = new TemplateLimits { MaxSteps = Limits.MaxSteps / 5, MaxOutputCharacters = Limits.MaxOutputCharacters / 5 };

        Assert.Empty(AgreementTemplate.Validate(AgreementTemplate.Default, tight));
    }

    [Fact]
    public void Rendering_past_the_step_limit_stops_with_a_clear_error_not_a_hang()
    {
        var limits = new TemplateLimits { MaxSteps = 100 }; // the default template takes about 400

        var e = Assert.Throws<TemplateLimitException>(() => AgreementTemplate.Render(AgreementTemplate.Default, Sample, limits));

        Assert.Equal(TemplateLimit.Steps, e.Limit);
        Assert.StartsWith("the template repeats too much: a template may take at most 100 steps", e.Message);
    }

    [Fact]
    public void Rendering_past_the_output_limit_stops_with_a_clear_error()
    {
        var limits = new TemplateLimits { MaxOutputCharacters = 5_000 };

        var e = Assert.Throws<TemplateLimitException>(() => AgreementTemplate.Merge(AgreementTemplate.Default, Sample, limits, TestContext.Current.CancellationToken));

        Assert.Equal(TemplateLimit.Output, e.Limit);
        Assert.Contains("at most 5,000 characters", e.Message);
    }

    [Fact]
    public void A_render_whose_clock_passes_the_time_limit_stops_with_a_clear_error()
    {
        // Every reading of this clock moves it on by more than the limit: the first check finds the time up.
        var clock = new FakeTimeProvider { AutoAdvanceAmount = Limits.MaxRenderTime + TimeSpan.FromMilliseconds(1) };

        var e = Assert.Throws<TemplateLimitException>(() => AgreementTemplate.Merge(AgreementTemplate.Default, Sample, Limits with { Clock = clock }, TestContext.Current.CancellationToken));

        Assert.Equal(TemplateLimit.Time, e.Limit);
        Assert.StartsWith("the template took longer than 2 seconds to fill in", e.Message);
    }

    [Fact]
    public void A_render_inside_the_time_limit_is_not_stopped()
    {
        var clock = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromTicks(1) };

        var merged = AgreementTemplate.Merge(AgreementTemplate.Default, Sample, Limits with { Clock = clock }, TestContext.Current.CancellationToken);

        Assert.Contains("Jamie Reid", merged);
    }

    [Fact]
    public void A_cancelled_render_is_cancelled_not_reported_as_a_limit()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => AgreementTemplate.Merge(AgreementTemplate.Default, Sample, ct: cancelled.Token));
    }
}

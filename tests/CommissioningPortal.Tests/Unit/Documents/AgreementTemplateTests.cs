using System.Security.Cryptography;
using CommissioningPortal.Documents;
using CommissioningPortal.Documents.Templates;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Documents;

public sealed class AgreementTemplateTests
{
    private static readonly IsfAgreementModel Sample = IsfAgreementModel.Sample();

    private static byte[] Pdf(IsfAgreementModel model, string? source = null) =>
        PdfRenderer.Render(AgreementTemplate.Render(source ?? AgreementTemplate.Default, model));

    private static List<string> Pages(byte[] bytes) => PdfFiles.Pages(bytes);

    [Fact]
    public void Default_template_is_valid()
    {
        Assert.Empty(AgreementTemplate.Validate(AgreementTemplate.Default));
    }

    [Fact]
    public void Sample_agreement_is_seven_to_nine_small_pages_that_poppler_can_rasterise()
    {
        var bytes = Pdf(Sample);
        var pages = Pages(bytes);

        Assert.InRange(pages.Count, 7, 9);
        Assert.True(bytes.Length < 150 * 1024, $"{bytes.Length:N0} bytes");
        PdfFiles.AssertRasterises(bytes, pages.Count);
    }

    [Fact]
    public void Sample_agreement_names_every_party_the_money_the_schedule_and_the_review_date()
    {
        var pages = Pages(Pdf(Sample));
        var all = string.Join(" ", pages);

        foreach (var name in new[] { "Jamie Reid", "Morag Reid", "Bright Steps Support", "Glenmore Council", "Aileen Murray", "Craig Paterson" })
            Assert.Contains(name, all);
        Assert.Contains("£412.50 a week", all);
        Assert.Contains("£21,450.00 a year", all);
        Assert.Contains("every 4 weeks in advance", all);
        Assert.Contains("No invoices are needed", all);
        Assert.Contains("1 7 Dec 2026 to 3 Jan 2027 7 December 2026 £1,650.00", all);
        Assert.Contains("13 8 Nov 2027 to 5 Dec 2027 8 November 2027 £1,650.00", all);
        Assert.Contains("reviewed on 7 June 2027", all);
        for (var p = 1; p <= pages.Count; p++)
        {
            Assert.Contains($"Page {p} of {pages.Count}", pages[p - 1]);
            Assert.Contains("ISF-GLN-2026-0147", pages[p - 1]);
        }
    }

    [Fact]
    public void Page_one_is_the_easy_read_summary_and_the_full_agreement_starts_on_page_two()
    {
        var pages = Pages(Pdf(Sample));

        Assert.Contains("Your support agreement: the short version", pages[0]);
        Assert.Contains("Easy read.", pages[0]);
        Assert.Contains("£412.50 a week", pages[0]);
        Assert.Contains("On 7 June 2027", pages[0]);
        Assert.Contains("You are not responsible for paying anyone", pages[0]);
        Assert.DoesNotContain("1. The parties and their roles", pages[0]);
        Assert.Contains("Individual Service Fund agreement Agreement ISF-GLN-2026-0147, version 1.", pages[1]);
    }

    [Fact]
    public void Payment_schedule_table_repeats_its_header_on_its_second_page()
    {
        const string header = "Payment Four weeks covered Paid on Amount";
        var pages = Pages(Pdf(Sample));

        var first = pages.FindIndex(p => p.Contains(header, StringComparison.Ordinal));
        Assert.True(first >= 0, "payment table not found");
        Assert.True(first + 1 < pages.Count, "payment table is on the last page");
        var second = pages[first + 1];
        // The body of the next page starts with the repeated header row, then the rows that did not fit.
        var body = second[(second.IndexOf("Jamie Reid", StringComparison.Ordinal) + "Jamie Reid".Length)..].TrimStart();
        Assert.StartsWith(header, body);
        Assert.Contains("13 8 Nov 2027", second);
        Assert.DoesNotContain("1 7 Dec 2026", second);
        // Every one of the 13 four-weekly payments is listed once.
        Assert.Equal(13, CountOccurrences(string.Join(" ", pages), "£1,650.00"));
    }

    [Fact]
    public void Signatures_are_kept_together_with_their_heading_on_the_last_page()
    {
        var pages = Pages(Pdf(Sample));

        var last = pages[^1];
        Assert.Contains("Signatures", last);
        foreach (var name in new[] { "Morag Reid", "Aileen Murray", "Craig Paterson" })
            Assert.Contains(name, last);
        Assert.Contains("Representative (mother and welfare guardian) for Jamie Reid", last);
    }

    [Fact]
    public void Without_a_representative_the_person_signs()
    {
        var pages = Pages(Pdf(Sample with { Representative = null }));

        var all = string.Join(" ", pages);
        Assert.DoesNotContain("Morag Reid", all);
        Assert.Contains("Jamie Reid The person", pages[^1]);
    }

    [Fact]
    public void A_misspelt_field_is_refused_with_its_line_and_a_suggestion()
    {
        var source = "# Agreement\n\nThis is for {{ person.name }}.\n\nWeekly: {{ budget.weekly | money }}\n\nDear {{ person.nmae }},\n";

        var errors = AgreementTemplate.Validate(source);

        var error = Assert.Single(errors);
        Assert.Equal(7, error.Line);
        Assert.Equal("line 7: unknown field person.nmae — did you mean person.name?", error.ToString());
    }

    [Fact]
    public void A_misspelt_field_in_the_default_template_is_refused_at_its_line()
    {
        var lines = AgreementTemplate.Default.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains("{{ review_date | date }}", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("review_date", "reveiw_date", StringComparison.Ordinal);

        var error = Assert.Single(AgreementTemplate.Validate(string.Join('\n', lines)));

        Assert.Equal(index + 1, error.Line);
        Assert.Contains("unknown field reveiw_date — did you mean review_date?", error.Message);
    }

    [Fact]
    public void An_unclosed_if_is_refused_at_the_line_that_opened_it()
    {
        var errors = AgreementTemplate.Validate("# Agreement\n\nHello\n{% if representative %}\n{{ representative.name }} signs.\n\nThe end.\n");

        var error = Assert.Single(errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("{% if %} is never closed", error.Message);
    }

    [Theory]
    [InlineData("Intro\n\n{% if %}x{% endif %}\n", 3, "{% if %} is not written correctly: write it like {% if representative %}")]
    [InlineData("Intro\n{% for o in %}{% endfor %}\n", 2, "{% for %} is not written correctly: write it like {% for outcome in outcomes %}")]
    [InlineData("Intro\n{{ budget.weekly | }}\n", 2, "{{ … }} is not written correctly")]
    [InlineData("a\n{%- if representative -%}\n{{- person.nmae -}}\n{%- endif -%}\n", 3, "unknown field person.nmae")]
    [InlineData("a\nb\nc {% endif %}\n", 3, "{% endif %} has no {% if %} to close")]
    [InlineData("a\n\n{% include 'other' %}\n", 3, "unknown tag {% include %}")]
    [InlineData("a\n{{ budget.weekly | mony }}\n", 2, "unknown filter mony — did you mean money?")]
    [InlineData("a\n\n\n{{ person.name\n", 4, "'{{' is not closed with '}}'")]
    [InlineData("{% for o in outcomes %}{{ o }}{% endfor %}\n{{ o }}\n", 2, "unknown field o")]
    [InlineData("{% for p in payments %}\n{{ p.amout | money }}\n{% endfor %}\n", 2, "unknown field p.amout — did you mean p.amount?")]
    public void Invalid_liquid_is_refused_with_the_line(string source, int line, string message)
    {
        var error = Assert.Single(AgreementTemplate.Validate(source));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Loop_variables_assigned_names_and_forloop_are_allowed()
    {
        var source = """
            {% assign total = budget.weekly | times: 52 %}
            {% for o in outcomes %}{{ forloop.index }}. {{ o | upcase }} ({{ outcomes.size }})
            {% endfor %}
            {% for a in acceptances %}{{ a.name }} {{ a.at | date: "time" }} {{ a.sha256 }}{% endfor %}
            {% for i in (1..3) %}{{ i }}{% endfor %} {{ total | money }} {{ payments[0].paid_on | date }}
            {% case management_fee.option %}{% when "flat-weekly" %}flat{% else %}other{% endcase %}
            """;

        Assert.Empty(AgreementTemplate.Validate(source));
    }

    [Fact]
    public void Field_paths_come_from_the_model()
    {
        var paths = AgreementTemplate.FieldPaths;

        foreach (var path in new[] { "person.name", "person.address", "representative.relationship", "provider.name", "provider.kind", "authority.name",
                     "outcomes", "budget.weekly", "budget.annual", "budget.person_contribution", "budget.how_set", "budget_holder.kind",
                     "management_fee.option", "payment_schedule.interval_weeks", "payments[].amount", "flexibility.carry_over", "review_date",
                     "notice_weeks", "version", "agreement_reference", "acceptances[].sha256" })
            Assert.Contains(path, paths);
        Assert.DoesNotContain("person.nmae", paths);
    }

    [Fact]
    public void Money_and_date_filters_format_for_the_uk()
    {
        var merged = AgreementTemplate.Merge(
            "{{ budget.annual | money }} {{ budget.weekly | money }} {{ review_date | date }} {{ start_date | date: \"short\" }} {{ management_fee.option }} {{ budget_holder.kind }}",
            Sample with { Budget = Sample.Budget with { Weekly = 1234.5m } }, ct: TestContext.Current.CancellationToken);

        Assert.Equal("£64,194.00 £1,234.50 7 June 2027 7 Dec 2026 flat-weekly provider", merged);
    }

    [Fact]
    public void Merged_values_are_printed_as_text_never_as_markup()
    {
        var model = Sample with { Person = new PersonDetails("Jamie *Reid* | [x]") };

        var pages = Pages(PdfRenderer.Render(AgreementTemplate.Render("# {{ person.name }}\n\n| a | b |\n|---|---|\n| {{ person.name }} | ok |\n", model)));

        Assert.Contains("version 1 Jamie *Reid* | [x] Jamie *Reid* | [x] a b Jamie *Reid* | [x] ok Page 1 of 1", pages[0]);
    }

    [Fact]
    public void Markdown_maps_to_headings_emphasis_lists_and_page_breaks()
    {
        var source = "# One\n\nSome **bold** and *italic* text.\n\n- apple\n- pear\n\n1. first\n2. second\n\n---\n\n## Two\n\ntext\n\n<!-- page-break -->\n\n### Three\n";

        var document = AgreementTemplate.Render(source, Sample);

        Assert.Collection(document.Blocks,
            b => Assert.Equal("One", Assert.IsType<Heading>(b).Text),
            b => Assert.Equal([new Span("Some "), new Span("bold", FontStyle.Bold), new Span(" and "), new Span("italic", FontStyle.Italic), new Span(" text.")], Assert.IsType<Paragraph>(b).Spans),
            b => Assert.False(Assert.IsType<ListBlock>(b).Numbered),
            b => Assert.True(Assert.IsType<ListBlock>(b).Numbered),
            b => Assert.IsType<PageBreak>(b),
            b => Assert.Equal(2, Assert.IsType<Heading>(b).Level),
            b => Assert.IsType<Paragraph>(b),
            b => Assert.IsType<PageBreak>(b),
            b => Assert.Equal(3, Assert.IsType<Heading>(b).Level));
        Assert.Equal("Individual Service Fund agreement for Jamie Reid", document.Metadata.Title);
        Assert.Equal("Glenmore Council", document.Metadata.Author);
        Assert.Equal(Sample.CreatedAt, document.Metadata.Created);
    }

    [Fact]
    public void Render_refuses_an_invalid_template()
    {
        var ex = Assert.Throws<AgreementTemplateException>(() => AgreementTemplate.Render("ok\n{{ person.nmae }}", Sample));

        Assert.Equal(2, Assert.Single(ex.Errors).Line);
    }

    [Fact]
    public void The_same_agreement_gives_the_same_bytes_whatever_the_acceptances()
    {
        var before = Pdf(Sample);
        var after = Pdf(Sample with { Acceptances = [new Acceptance(AgreementParty.Provider, "Aileen Murray", DateTimeOffset.UnixEpoch, new string('a', 64))] });

        Assert.Equal(before, after);
    }

    [Fact]
    public void Final_agreement_ends_with_the_acceptance_record_and_the_hashes()
    {
        var accepted = Pdf(Sample);
        var hash = Convert.ToHexStringLower(SHA256.HashData(accepted));
        var model = Sample with
        {
            Acceptances =
            [
                new Acceptance(AgreementParty.Representative, "Morag Reid", new DateTimeOffset(2026, 11, 24, 9, 30, 5, TimeSpan.Zero), hash),
                new Acceptance(AgreementParty.Provider, "Aileen Murray", new DateTimeOffset(2026, 11, 24, 11, 2, 0, TimeSpan.Zero), hash),
                new Acceptance(AgreementParty.Authority, "Craig Paterson", new DateTimeOffset(2026, 11, 25, 14, 45, 30, TimeSpan.Zero), hash),
            ],
        };

        var final = PdfRenderer.Render(AgreementTemplate.RenderFinal(AgreementTemplate.Default, model));

        var pages = Pages(final);
        Assert.Equal(Pages(accepted).Count + 1, pages.Count);
        var last = pages[^1];
        Assert.Contains("Acceptance record", last);
        Assert.Contains("Party Name Accepted (UTC) SHA-256 of the accepted PDF", last);
        // A row's cells may wrap onto a second line, so look for each party's name and time in order.
        Assert.Matches(@"Representative.*Morag Reid.*24 Nov 2026, 09:30:05.*Provider:.*Aileen Murray.*24 Nov 2026, 11:02:00.*Authority:.*Craig Paterson.*25 Nov 2026, 14:45:30", last);
        // The hash is printed in groups of eight over two lines of its cell: each half appears once per party.
        var compact = last.Replace(" ", "", StringComparison.Ordinal);
        Assert.Equal(3, CountOccurrences(compact, hash[..32]));
        Assert.Equal(3, CountOccurrences(compact, hash[32..]));
        Assert.Contains($"Page {pages.Count} of {pages.Count}", last);
        // The signature lines carry the acceptance times.
        Assert.Contains("24 November 2026, 09:30 UTC", pages[^2]);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}

using System.Security.Cryptography;
using CommissioningPortal.Documents;
using CommissioningPortal.Domain.Agreements;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>An acceptance as printed on the final PDF's last page.</summary>
public sealed record AcceptanceLine(string Party, string Name, DateTimeOffset At, string Sha256);

/// <summary>
/// Turns agreement terms and an authority's template into PDF bytes (CommissioningPortal.Documents),
/// and fingerprints them. The same terms, template and acceptances always give the same document.
/// </summary>
public sealed class AgreementDocuments
{
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public byte[] RenderOffered(string template, AgreementTerms terms, string reference, int version) =>
        PdfRenderer.Render(Build(template, terms, reference, version, null));

    public byte[] RenderFinal(string template, AgreementTerms terms, string reference, int version, IReadOnlyList<AcceptanceLine> acceptances) =>
        PdfRenderer.Render(Build(template, terms, reference, version, acceptances));

    /// <summary>Problems with a template, each with its line; empty when it can be published.</summary>
    public IReadOnlyList<(int Line, string Message)> Validate(string template) =>
        string.IsNullOrWhiteSpace(template) ? [(1, "The template is empty.")] : [];

    public string DefaultTemplate => "# Individual Service Fund agreement";

    /// <summary>The merge fields a template may use.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["person.name", "budget.weekly | money"];

    /// <summary>Realistic terms for previewing a template.</summary>
    public static AgreementTerms SampleTerms(string authorityName) => new()
    {
        PersonName = "Jamie Reid", RepresentativeName = "Morag Reid", RepresentativeRelationship = "mother", ProviderName = "Bright Steps Care",
        AuthorityName = authorityName, Outcomes = ["Go swimming every week", "See my friends at the weekend", "Cook my own tea twice a week"],
        WeeklyBudget = 312.50m, PersonContribution = 0m, HowBudgetWasSet = "Agreed at the support planning meeting.", BudgetHolder = "Bright Steps Care, on Jamie's behalf",
        ManagementFee = ManagementFeeOption.ConsolidatedRate, PaymentSchedule = "Four-weekly in advance, with no invoices",
        StartDate = new DateOnly(2026, 12, 7), ReviewDate = new DateOnly(2027, 6, 7), NoticeWeeks = 4,
    };

    private static Document Build(string template, AgreementTerms terms, string reference, int version, IReadOnlyList<AcceptanceLine>? acceptances)
    {
        _ = template;
        var doc = new Document
        {
            Header = new PageBand(Left: $"{reference} version {version}"),
            Footer = new PageBand(Right: "Page {page} of {pages}"),
        };
        doc.Metadata.Title = $"Individual Service Fund agreement {reference}";
        doc.Metadata.Author = terms.AuthorityName;
        doc.Heading(1, "Individual Service Fund agreement");
        doc.Paragraph($"Between {terms.PersonName}, {terms.ProviderName} and {terms.AuthorityName}.");
        doc.Paragraph($"Weekly budget: {AgreementTerms.Money(terms.WeeklyBudget)}. Payment: {terms.PaymentSchedule}. Review: {AgreementTerms.Date(terms.ReviewDate)}.");
        if (acceptances is not null)
        {
            doc.PageBreak();
            doc.Heading(2, "Acceptance record");
            var table = new Table(2, 3, 3, 6).Header("Party", "Name", "When", "SHA-256 of the accepted PDF");
            foreach (var a in acceptances) table.Row(a.Party, a.Name, a.At.ToString("d MMM yyyy HH:mm 'UTC'"), a.Sha256);
            doc.Add(table);
        }
        return doc;
    }
}

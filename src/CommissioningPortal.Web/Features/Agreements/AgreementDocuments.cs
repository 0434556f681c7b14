using System.Security.Cryptography;
using CommissioningPortal.Documents;
using CommissioningPortal.Documents.Templates;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Web.Features.Content;
using Microsoft.Extensions.Options;
using DomainParty = CommissioningPortal.Domain.Agreements.AgreementParty;
using DomainFee = CommissioningPortal.Domain.Agreements.ManagementFeeOption;
using DomainHolder = CommissioningPortal.Domain.Agreements.BudgetHolderKind;
using TemplateParty = CommissioningPortal.Documents.Templates.AgreementParty;
using TemplateFee = CommissioningPortal.Documents.Templates.ManagementFeeOption;
using TemplateHolder = CommissioningPortal.Documents.Templates.BudgetHolderKind;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>What an agreement version's document is made from besides its terms: the reference, version, when and what changed.</summary>
/// <param name="Changes">What changed since the previous version, one plain sentence each; empty for version 1.</param>
public sealed record AgreementIssue(string Reference, int Version, DateTimeOffset CreatedAt, IReadOnlyList<string> Changes)
{
    /// <summary>Why the variation was made, as typed; null for version 1.</summary>
    public string? Reason { get; init; }
}

/// <summary>
/// The web side of agreement documents: maps the stored <see cref="AgreementTerms"/> onto the
/// template engine's <see cref="IsfAgreementModel"/> and renders an authority's template with
/// <see cref="AgreementTemplate"/> (CommissioningPortal.Documents) to PDF bytes, and fingerprints them.
/// The same terms, template and acceptances always give the same document.
/// </summary>
public sealed class AgreementDocuments(IOptions<PortalOptions> options, ContentRenderer content)
{
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The portal's default template (CCPS Option 2 sections; page one is an easy-read summary).</summary>
    public static string DefaultTemplate => AgreementTemplate.Default;

    /// <summary>Every merge field a template may use, e.g. <c>person.name</c>, <c>payments[].amount</c> (shown in the template editor).</summary>
    public static IReadOnlySet<string> Fields => AgreementTemplate.FieldPaths;

    /// <summary>The PDF each party reads and accepts.</summary>
    /// <exception cref="AgreementTemplateException">The template is not valid.</exception>
    public byte[] RenderOffered(string template, AgreementTerms terms, AgreementIssue issue) =>
        PdfRenderer.Render(AgreementTemplate.Render(template, Model(terms, issue)));

    /// <summary>
    /// The authorised PDF: the offered agreement plus a last page recording every acceptance,
    /// written as PDF/A-2a (tagged, fonts embedded, sRGB output intent) because it is kept as the record.
    /// </summary>
    public byte[] RenderFinal(string template, AgreementTerms terms, AgreementIssue issue, IEnumerable<IsfAcceptance> acceptances) =>
        PdfRenderer.Render(AgreementTemplate.RenderFinal(template, Model(terms, issue) with
        {
            Acceptances = acceptances.OrderBy(a => a.At).ThenBy(a => a.Party).Select(a => new Acceptance(Party(a.Party), a.Name, a.At, a.Sha256, How(a))).ToList(),
        }), PdfRenderOptions.Archive);

    /// <summary>Problems with a template, each with its 1-based line; empty when it can be saved and published.</summary>
    public static IReadOnlyList<TemplateError> Validate(string template) =>
        string.IsNullOrWhiteSpace(template) ? [new TemplateError(1, "the template is empty")] : AgreementTemplate.Validate(template);

    /// <summary>A template merged with the sample agreement as a PDF, for the editor's preview.</summary>
    public static byte[] PreviewPdf(string template, string authorityName) => PdfRenderer.Render(AgreementTemplate.Render(template, Sample(authorityName)));

    /// <summary>A template merged with the sample agreement as safe HTML, for the editor's live preview.</summary>
    public string PreviewHtml(string template, string authorityName)
    {
        var markdown = AgreementTemplate.Merge(template, Sample(authorityName))
            .Replace("<!-- page-break -->", "\n\n---\n\n", StringComparison.Ordinal)
            .Replace("[signatures]", "*(Signature blocks for each party go here.)*", StringComparison.Ordinal);
        return content.MarkdownToSafeHtml(markdown);
    }

    /// <summary>A realistic agreement (the engine's sample) from the given authority, for previews.</summary>
    public static IsfAgreementModel Sample(string authorityName)
    {
        var sample = IsfAgreementModel.Sample();
        return sample with { AgreementReference = "PREVIEW", Authority = sample.Authority with { Name = authorityName } };
    }

    /// <summary>The agreement as the template engine sees it.</summary>
    public IsfAgreementModel Model(AgreementTerms terms, AgreementIssue issue) => new()
    {
        AgreementReference = issue.Reference,
        Version = issue.Version,
        // The PDF font has no arrow; say it in words.
        Changes = issue.Changes.Select(c => c.Replace(" → ", " changed to ", StringComparison.Ordinal)).ToList(),
        ChangeReason = string.IsNullOrWhiteSpace(issue.Reason) ? null : issue.Reason.Trim(),
        CreatedAt = issue.CreatedAt,
        StartDate = terms.StartDate,
        Person = new PersonDetails(terms.PersonName, terms.PersonAddress),
        Representative = string.IsNullOrWhiteSpace(terms.RepresentativeName)
            ? null
            : new RepresentativeDetails(terms.RepresentativeName, string.IsNullOrWhiteSpace(terms.RepresentativeRelationship) ? "representative" : terms.RepresentativeRelationship),
        Provider = new ProviderDetails(terms.ProviderName, terms.ProviderKind switch
        {
            Domain.Tenancy.ProviderKind.MicroProvider => "micro-provider",
            Domain.Tenancy.ProviderKind.PersonalAssistant => "personal-assistant",
            Domain.Tenancy.ProviderKind.NonCareSupplier => "supplier",
            _ => "organisation",
        })
        {
            Email = terms.ProviderEmail,
            Phone = terms.ProviderPhone,
            CareInspectorateNumber = terms.ProviderCareInspectorateNumber,
        },
        Authority = new AuthorityDetails(terms.AuthorityName) { Practitioner = terms.Practitioner, Email = terms.AuthorityEmail },
        Outcomes = terms.Outcomes,
        Budget = new IsfBudget(terms.WeeklyBudget, terms.PersonContribution, terms.HowBudgetWasSet),
        BudgetHolder = new BudgetHolder(terms.BudgetHolderKind switch
        {
            DomainHolder.Authority => TemplateHolder.Authority,
            DomainHolder.ThirdParty => TemplateHolder.ThirdParty,
            _ => TemplateHolder.Provider,
        }, terms.BudgetHolder),
        ManagementFee = Fee(terms),
        PaymentSchedule = new PaymentSchedule(terms.StartDate)
        {
            IntervalWeeks = terms.PaymentIntervalWeeks,
            InAdvance = terms.PaidInAdvance,
            Invoices = terms.Invoices,
            Method = "bank transfer",
        },
        Flexibility = new Flexibility(
            Changes: $"{terms.PersonName} and {terms.ProviderName} can change how, when and where support is used, as long as it stays within the budget and works towards the outcomes. They tell {terms.AuthorityName} about the change in the next statement; they do not need to ask first.",
            CarryOver: terms.CarryOverRule().Describe() + " Unspent money is talked about at the review: it may mean the support should change, and it is not simply taken back.",
            TopUps: $"If needs change suddenly, {terms.AuthorityName} can add a one-off payment or a top-up without a new agreement, and confirms it in writing."),
        ReviewDate = terms.ReviewDate,
        NoticeWeeks = terms.NoticeWeeks,
        VerificationUrl = options.Value.PublicBaseUrl is { Length: > 0 } url ? url.TrimEnd('/') + "/verify" : null,
    };

    private static ManagementFee Fee(AgreementTerms terms)
    {
        var detail = string.IsNullOrWhiteSpace(terms.ManagementFeeDetail) ? null : terms.ManagementFeeDetail.Trim();
        return terms.ManagementFee switch
        {
            DomainFee.FlatWeekly => new ManagementFee(TemplateFee.FlatWeekly,
                $"a flat weekly fee{(detail is null ? "" : $" ({detail})")}, already included in the weekly amount, for managing the ISF and the statements"),
            DomainFee.ExtraHours => new ManagementFee(TemplateFee.ExtraHours, detail ?? "the extra hours are already included in the weekly amount"),
            _ => new ManagementFee(TemplateFee.ConsolidatedRate, detail ?? "there is no separate fee"),
        };
    }

    /// <summary>How a party accepted, as the signature block and the acceptance record say it.</summary>
    public static string How(IsfAcceptance a) => a.Method == AcceptanceMethod.Paper
        ? $"signed on paper, recorded by {a.RecordedBy}"
        : "accepted in the portal";

    private static TemplateParty Party(DomainParty party) => party switch
    {
        DomainParty.Person => TemplateParty.Person,
        DomainParty.Representative => TemplateParty.Representative,
        DomainParty.Provider => TemplateParty.Provider,
        _ => TemplateParty.Authority,
    };
}

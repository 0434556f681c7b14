using CommissioningPortal.Documents;

namespace CommissioningPortal.Tests.Unit.Documents;

/// <summary>Documents shared by the PDF tests: a realistic eight-page commissioning report.</summary>
internal static class SampleDocuments
{
    public const string Lorem =
        "The service will be delivered across three localities with a single point of contact for referrals. " +
        "Providers must evidence outcomes quarterly and take part in the annual review, and any variation to " +
        "the specification needs the written agreement of the commissioning lead before it takes effect.";

    public static Document Report(int sections = 10, int tableRows = 70)
    {
        var doc = new Document
        {
            PageSize = PageSize.A4,
            Header = new PageBand(Left: "Commissioning Portal", Right: "Service specification"),
            Footer = new PageBand(Left: "OFFICIAL", Right: "Page {page} of {pages}"),
        };
        doc.Metadata.Title = "Community support service specification";
        doc.Metadata.Author = "Commissioning team";
        doc.Metadata.Subject = "Specification";
        doc.Metadata.Creator = "CommissioningPortal";
        doc.Metadata.Created = new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

        doc.Heading(1, "Community support service specification");
        doc.Add(new Paragraph().Text("This document sets out the ").Bold("requirements").Text(" for the ")
            .Italic("community support service").Text(", including ").BoldItalic("mandatory").Text(" reporting.")
            .LineBreak().Text("Issued for consultation."));

        for (var s = 1; s <= sections; s++)
        {
            doc.Heading(2, $"Section {s}: delivery requirements");
            doc.Paragraph(Lorem);
            doc.Add(ListBlock.Bulleted("Referrals accepted from health and social care", "Response within five working days", "Outcomes reported every quarter"));
            doc.Heading(3, "Performance measures");
            doc.Add(ListBlock.Ordered("Number of people supported", new Paragraph().Text("Proportion reporting ").Bold("improved").Text(" wellbeing"), "Waiting time from referral to first contact"));
            doc.Paragraph(Lorem + " " + Lorem);
        }

        doc.Heading(2, "Pricing schedule");
        var table = new Table(3, 1, 1, 1.2f).Header("Line item", "Quantity", "Unit price", "Total");
        for (var r = 1; r <= tableRows; r++)
            table.Row($"Support hours, locality {r % 3 + 1}, band {r}", r.ToString(), "£24.50", $"£{r * 24.5m:0.00}");
        doc.Add(table);

        doc.Add(new KeepTogether(
            new Heading(2, "Approval"),
            new Paragraph("Signed on behalf of the authority and the provider."),
            new SignatureBlock("Jamie Reid", "Head of Commissioning") { Date = "14 March 2025" },
            new SignatureBlock("Alex Morgan", "Provider director")));
        return doc;
    }
}

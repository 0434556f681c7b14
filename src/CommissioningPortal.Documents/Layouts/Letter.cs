using System.Globalization;

namespace CommissioningPortal.Documents.Layouts;

/// <summary>Who a letter is from, printed at the top of its first page (an authority's settings).</summary>
public sealed record Letterhead(string Organisation)
{
    public IReadOnlyList<string> Address { get; init; } = [];
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }

    /// <summary>A logo beside the organisation's name; decorative (the name is in text next to it).</summary>
    public Image? Logo { get; init; }
}

/// <summary>
/// A letter (feedback, decisions): letterhead, the recipient's address block beside the date and
/// references, the subject as the heading, the body, the closing and the signatory. Build it and
/// call <see cref="ToDocument"/>; the result is an ordinary <see cref="Document"/> (tagged like any other).
/// </summary>
public sealed class Letter(Letterhead letterhead, string recipientName, params IEnumerable<string> recipientAddress)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public Letterhead Letterhead { get; } = letterhead ?? throw new ArgumentNullException(nameof(letterhead));
    public string RecipientName { get; } = recipientName ?? "";
    public IReadOnlyList<string> RecipientAddress { get; } = [.. recipientAddress];
    public DateOnly Date { get; init; } = DateOnly.FromDateTime(DateTime.Today);
    public string? Reference { get; init; }
    public string? YourReference { get; init; }
    public required string Subject { get; init; }
    public string? Salutation { get; init; }
    public List<Block> Body { get; } = [];
    public string Closing { get; init; } = "Yours sincerely";
    public string SignatoryName { get; init; } = "";
    public string? SignatoryRole { get; init; }
    public Theme Theme { get; init; } = Theme.Default;

    public Letter Add(Block block)
    {
        Body.Add(block ?? throw new ArgumentNullException(nameof(block)));
        return this;
    }

    public Letter Paragraph(string text) => Add(new Paragraph(text));

    public Document ToDocument()
    {
        var theme = Theme;
        var small = new TextStyle { Size = theme.BaseSize * 0.85f, Color = theme.Muted };
        var doc = new Document { Theme = theme, Footer = new PageBand(Left: Letterhead.Organisation, Right: "Page {page} of {pages}") { Rule = false } };
        doc.Metadata.Title = Subject;
        doc.Metadata.Author = Letterhead.Organisation;
        doc.Metadata.Subject = $"Letter to {RecipientName}";
        doc.Metadata.Creator = "Commissioning Portal";

        // Letterhead: logo and name on the left, contact details on the right.
        var name = new List<Block>();
        if (Letterhead.Logo is { } logo) name.Add(logo);
        name.Add(new Paragraph(Letterhead.Organisation) { Style = new TextStyle { Size = theme.BaseSize * 1.5f, Bold = true, Color = theme.Accent } });
        var contact = new Paragraph { Style = small, Align = TextAlign.Right };
        var lines = Letterhead.Address.Concat(new[] { Letterhead.Phone, Letterhead.Email, Letterhead.Website }.OfType<string>().Where(s => s.Length > 0)).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) contact.LineBreak();
            var line = lines[i];
            if (line == Letterhead.Email) contact.Link(line, "mailto:" + line);
            else if (line == Letterhead.Website) contact.Link(line, line.StartsWith("http", StringComparison.Ordinal) ? line : "https://" + line);
            else contact.Text(line);
        }
        doc.Add(new Row().Column(3, [.. name]).Column(2, contact));
        doc.Add(new Spacer(18));

        // Address block beside the date and references.
        var address = new Paragraph().Text(RecipientName);
        foreach (var line in RecipientAddress) address.LineBreak().Text(line);
        var dated = new Paragraph { Align = TextAlign.Right }.Text(Date.ToString("d MMMM yyyy", EnGb));
        if (Reference is { Length: > 0 }) dated.LineBreak().Text("Our reference: " + Reference);
        if (YourReference is { Length: > 0 }) dated.LineBreak().Text("Your reference: " + YourReference);
        doc.Add(new Row().Column(1, address).Column(1, dated));
        doc.Add(new Spacer(10));

        doc.Add(new Paragraph(Salutation ?? $"Dear {RecipientName},"));
        doc.Add(new Heading(1, Subject));
        foreach (var block in Body) doc.Add(block);
        doc.Add(new KeepTogether(
            new Paragraph(Closing + ","),
            new Spacer(30),
            new Paragraph().Bold(SignatoryName),
            new Paragraph(SignatoryRole ?? "") { Style = small }));
        return doc;
    }
}

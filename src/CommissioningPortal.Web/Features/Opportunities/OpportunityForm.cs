using System.Globalization;
using System.Text.RegularExpressions;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Reference;

namespace CommissioningPortal.Web.Features.Opportunities;

/// <summary>
/// What a commissioner types about an opportunity, as typed (every field a string or a list of
/// choices), so a refused form comes back exactly as it was sent. <see cref="OpportunityFormReader"/>
/// turns it into <see cref="OpportunityDetails"/>.
/// </summary>
public sealed class OpportunityForm
{
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Description { get; set; }

    /// <summary>One or more CPV codes, separated by commas or spaces: 85312000 or 85312000-9.</summary>
    public string? CpvCodes { get; set; }

    public List<string> Localities { get; set; } = [];
    public List<string> ClientGroups { get; set; } = [];
    public List<string> SupportTypes { get; set; } = [];

    /// <summary>In pounds.</summary>
    public string? EstimatedValue { get; set; }

    public string? DurationMonths { get; set; }
    public string? ProcedureNote { get; set; }
    public string? PublicationAt { get; set; }
    public string? ClarificationDeadline { get; set; }
    public string? SubmissionDeadline { get; set; }
    public string? ExpectedAwardOn { get; set; }
    public string? ContractStartOn { get; set; }
    public string? QualityWeight { get; set; }
    public string? PriceWeight { get; set; }
    public string? FairWorkWeight { get; set; }

    /// <summary>A new draft's starting point: the usual split of quality, price and fair work.</summary>
    public static OpportunityForm Blank() => new() { Kind = nameof(OpportunityKind.OpenTender), QualityWeight = "60", PriceWeight = "30", FairWorkWeight = "10" };

    /// <summary>The form filled from a stored opportunity (dates in UK time, as they are typed).</summary>
    public static OpportunityForm From(Opportunity o) => new()
    {
        Kind = o.Kind.ToString(), Title = o.Title, Summary = o.Summary, Description = o.Description,
        CpvCodes = string.Join(", ", o.CpvCodes), Localities = o.Localities.ToList(), ClientGroups = o.ClientGroups.ToList(), SupportTypes = o.SupportTypes.ToList(),
        EstimatedValue = o.EstimatedValuePence is { } p ? (p / 100m).ToString("0.##", CultureInfo.InvariantCulture) : null,
        DurationMonths = o.DurationMonths?.ToString(CultureInfo.InvariantCulture), ProcedureNote = o.ProcedureNote,
        PublicationAt = UkTime.Format(o.PublicationAt), ClarificationDeadline = UkTime.Format(o.ClarificationDeadline), SubmissionDeadline = UkTime.Format(o.SubmissionDeadline),
        ExpectedAwardOn = o.ExpectedAwardOn?.ToString("d/M/yyyy", CultureInfo.InvariantCulture), ContractStartOn = o.ContractStartOn?.ToString("d/M/yyyy", CultureInfo.InvariantCulture),
        QualityWeight = o.QualityWeight.ToString(CultureInfo.InvariantCulture), PriceWeight = o.PriceWeight.ToString(CultureInfo.InvariantCulture),
        FairWorkWeight = o.FairWorkWeight.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// Reads an <see cref="OpportunityForm"/>: each field parsed with a message naming it, CPV codes,
/// localities, client groups and support types checked against the reference data and the
/// authority's own localities, then the domain's rules (<see cref="OpportunityDetails.Problems"/>).
/// Every message at once; a field already refused is not refused twice.
/// </summary>
public sealed partial class OpportunityFormReader(PortalDbContext db)
{
    public const long MaxValuePounds = 10_000_000_000;

    [GeneratedRegex(@"^(?<code>\d{8})(-(?<check>\d))?$")]
    private static partial Regex CpvPattern();

    public sealed record Choices(
        IReadOnlyList<(string Value, string Label)> Localities, IReadOnlyList<(string Value, string Label)> ClientGroups,
        IReadOnlyList<(string Value, string Label)> SupportTypes, IReadOnlyList<(string Code, string Label)> Cpv);

    /// <summary>What the form offers to choose from for <paramref name="authorityId"/>.</summary>
    public async Task<Choices> ChoicesAsync(Guid authorityId, CancellationToken ct)
    {
        var localities = await db.Localities.AsNoTracking().Where(l => l.AuthorityId == authorityId).OrderBy(l => l.Name).Select(l => new { l.Code, l.Name }).ToListAsync(ct);
        var terms = await db.ReferenceTerms.AsNoTracking()
            .Where(t => t.Scheme == ReferenceSchemes.ClientGroup || t.Scheme == ReferenceSchemes.SupportType || t.Scheme == ReferenceSchemes.Cpv)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Code).Select(t => new { t.Scheme, t.Code, t.Label }).ToListAsync(ct);
        return new Choices(
            localities.Select(l => (l.Code, l.Name)).ToList(),
            terms.Where(t => t.Scheme == ReferenceSchemes.ClientGroup).Select(t => (t.Code, t.Label)).ToList(),
            terms.Where(t => t.Scheme == ReferenceSchemes.SupportType).Select(t => (t.Code, t.Label)).ToList(),
            terms.Where(t => t.Scheme == ReferenceSchemes.Cpv).Select(t => (t.Code, t.Label)).ToList());
    }

    /// <summary>The details, or null with <paramref name="errors"/> saying why (keyed by the form's field names).</summary>
    public async Task<OpportunityDetails?> ReadAsync(OpportunityForm form, Guid authorityId, FieldErrors errors, CancellationToken ct)
    {
        var choices = await ChoicesAsync(authorityId, ct);

        OpportunityKind kind = default;
        if (string.IsNullOrWhiteSpace(form.Kind)) errors.Add(nameof(OpportunityForm.Kind), "Choose what kind of opportunity this is.");
        else if (!Enum.TryParse(form.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(form.Kind, out _))
            errors.Add(nameof(OpportunityForm.Kind), "Choose what kind of opportunity this is from the list.");

        var cpv = ReadCpv(form.CpvCodes, choices.Cpv, errors);
        var localities = Chosen(form.Localities, choices.Localities, nameof(OpportunityForm.Localities), "locality", errors);
        var clientGroups = Chosen(form.ClientGroups, choices.ClientGroups, nameof(OpportunityForm.ClientGroups), "client group", errors);
        var supportTypes = Chosen(form.SupportTypes, choices.SupportTypes, nameof(OpportunityForm.SupportTypes), "support type", errors);

        long? value = null;
        if (!string.IsNullOrWhiteSpace(form.EstimatedValue))
        {
            var text = form.EstimatedValue.Trim().TrimStart('£').Trim();
            if (!FormInput.TryParseNumber(text, out var pounds)) errors.Add(nameof(OpportunityForm.EstimatedValue), FormInput.NumberProblem("the estimated value in pounds", text, "2400000 or 2,400,000"));
            else if (pounds < 0) errors.Add(nameof(OpportunityForm.EstimatedValue), "The estimated value cannot be less than zero.");
            else if (pounds > MaxValuePounds) errors.Add(nameof(OpportunityForm.EstimatedValue), "The estimated value must be £10,000,000,000 or less.");
            else if (decimal.Round(pounds, 2) != pounds) errors.Add(nameof(OpportunityForm.EstimatedValue), "The estimated value can have at most two decimal places (pence).");
            else value = (long)(pounds * 100);
        }
        var duration = WholeNumber(form.DurationMonths, nameof(OpportunityForm.DurationMonths), "The duration in months", errors);
        var publication = Moment(form.PublicationAt, nameof(OpportunityForm.PublicationAt), "The publication date", errors);
        var clarification = Moment(form.ClarificationDeadline, nameof(OpportunityForm.ClarificationDeadline), "The clarification deadline", errors);
        var submission = Moment(form.SubmissionDeadline, nameof(OpportunityForm.SubmissionDeadline), "The submission deadline", errors);
        var award = Day(form.ExpectedAwardOn, nameof(OpportunityForm.ExpectedAwardOn), "The expected award date", errors);
        var start = Day(form.ContractStartOn, nameof(OpportunityForm.ContractStartOn), "The contract start date", errors);
        var quality = Weight(form.QualityWeight, nameof(OpportunityForm.QualityWeight), "The quality weight", errors);
        var price = Weight(form.PriceWeight, nameof(OpportunityForm.PriceWeight), "The price weight", errors);
        var fairWork = Weight(form.FairWorkWeight, nameof(OpportunityForm.FairWorkWeight), "The fair work weight", errors);

        var details = new OpportunityDetails
        {
            Kind = kind, Title = form.Title ?? "", Summary = form.Summary ?? "", Description = form.Description,
            CpvCodes = cpv, Localities = localities, ClientGroups = clientGroups, SupportTypes = supportTypes,
            EstimatedValuePence = value, DurationMonths = duration, ProcedureNote = form.ProcedureNote,
            PublicationAt = publication, ClarificationDeadline = clarification, SubmissionDeadline = submission,
            ExpectedAwardOn = award, ContractStartOn = start,
            QualityWeight = quality ?? 0, PriceWeight = price ?? 0, FairWorkWeight = fairWork ?? 0,
        }.Normalised();
        var weightsRead = quality is not null && price is not null && fairWork is not null;
        foreach (var (field, message) in details.Problems())
        {
            var formField = field switch
            {
                nameof(OpportunityDetails.EstimatedValuePence) => nameof(OpportunityForm.EstimatedValue),
                nameof(OpportunityDetails.QualityWeight) when !weightsRead => null,
                _ => field,
            };
            if (formField is null || errors.Has(formField) || (field == nameof(OpportunityDetails.Kind) && errors.Has(nameof(OpportunityForm.Kind)))) continue;
            errors.Add(formField, message);
        }
        return errors.Any ? null : details;
    }

    /// <summary>
    /// CPV codes as eight digits (as opportunities store them), each checked against the reference list,
    /// which keeps them with their check digit (85312000-9): either form is accepted, a wrong check digit is not.
    /// </summary>
    public static List<string> ReadCpv(string? typed, IReadOnlyList<(string Code, string Label)> known, FieldErrors errors, string field = nameof(OpportunityForm.CpvCodes))
    {
        var codes = new List<string>();
        foreach (var part in (typed ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var match = CpvPattern().Match(part);
            if (!match.Success)
            {
                errors.Add(field, $"\"{Shorten(part)}\" is not a CPV code: write each as eight digits, like 85312000, or with its check digit, like 85312000-9.");
                continue;
            }
            var code = match.Groups["code"].Value;
            var listed = known.FirstOrDefault(k => k.Code.StartsWith(code + "-", StringComparison.Ordinal) || k.Code == code);
            if (listed.Code is null)
            {
                errors.Add(field, $"The CPV code {part} does not exist in the portal's list of social care CPV codes. Use one of the codes listed under the field, for example 85312000 (social work services without accommodation).");
                continue;
            }
            if (match.Groups["check"].Success && listed.Code != part)
            {
                errors.Add(field, $"The CPV code {part} has the wrong check digit: the code for \"{listed.Label}\" is {listed.Code}.");
                continue;
            }
            if (!codes.Contains(code)) codes.Add(code);
        }
        return codes;
    }

    private static List<string> Chosen(List<string>? chosen, IReadOnlyList<(string Value, string Label)> options, string field, string what, FieldErrors errors)
    {
        var values = (chosen ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in values.Where(v => options.All(o => o.Value != v)))
            errors.Add(field, $"\"{Shorten(unknown)}\" is not a {what} in the list. Choose from the list.");
        return values.Where(v => options.Any(o => o.Value == v)).ToList();
    }

    private static int? WholeNumber(string? typed, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (int.TryParse(typed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(field, $"{label} must be a whole number, like 36.");
        return null;
    }

    private static int? Weight(string? typed, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) return 0;
        if (int.TryParse(typed.Trim().TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100) return n;
        errors.Add(field, $"{label} must be a whole number from 0 to 100.");
        return null;
    }

    private static DateTimeOffset? Moment(string? typed, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (UkTime.TryParse(typed, out var at)) return at;
        errors.Add(field, $"{label} must be a real date and time, like 31/3/2027 12:00 (UK time).");
        return null;
    }

    private static DateOnly? Day(string? typed, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (DateOnly.TryParseExact(typed.Trim(), ["d/M/yyyy", "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy"], CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var day) &&
            day.Year is >= 2000 and <= 2100) return day;
        errors.Add(field, $"{label} must be a real date, like 1/4/2027.");
        return null;
    }

    private static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;
}

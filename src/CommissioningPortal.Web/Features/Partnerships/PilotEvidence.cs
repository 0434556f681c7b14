using System.Globalization;
using System.Text;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Partnerships;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// A PSP's pilot evidence (stage 2): outcome measures with values over time, unit costs, feedback from the
/// people using the pilot; and, once the pilot's gate is passed, the stage-3 procurement opportunity drafted
/// with that evidence in its specification. Each item records who and when.
/// </summary>
public sealed class PilotEvidence(PortalDbContext db, TimeProvider clock, PartnershipReport report, ProviderOnboarding.IEvidenceStore store)
{
    public sealed record MeasureInput(string? MeasureName, string? Unit);

    public async Task<UseCaseResult<PilotMeasure>> AddMeasureAsync(Workspace w, MeasureInput input, CancellationToken ct)
    {
        if (w.IsAlliance) return UseCaseResult<PilotMeasure>.NotFound();
        var errors = new FieldErrors();
        errors.Check(nameof(MeasureInput.MeasureName), PartnershipRecordItem.TextProblem(input.MeasureName, "the measure's name", 200));
        errors.Check(nameof(MeasureInput.Unit), PartnershipRecordItem.TextProblem(input.Unit, "what it is counted in (people, %, visits …)", 60));
        if (errors.Any) return errors.Invalid<PilotMeasure>();
        var measure = new PilotMeasure(w.Partnership.Id, input.MeasureName!, input.Unit!, w.UserName, clock.GetUtcNow());
        db.PilotMeasures.Add(measure);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PilotMeasure>.Done(measure);
    }

    public sealed record ValueInput(Guid? MeasureId, string? Period, string? Value);

    public async Task<UseCaseResult<PilotMeasure>> RecordValueAsync(Workspace w, ValueInput input, CancellationToken ct)
    {
        var measure = input.MeasureId is { } id ? await db.PilotMeasures.FirstOrDefaultAsync(m => m.Id == id && m.PartnershipId == w.Partnership.Id, ct) : null;
        var errors = new FieldErrors();
        if (measure is null) errors.Add(nameof(ValueInput.MeasureId), "Choose the measure");
        var period = ParsePeriod(input.Period);
        if (period is null) errors.Add(nameof(ValueInput.Period), "Enter the month the value is for, like 2026-09");
        if (!decimal.TryParse(input.Value?.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || Math.Abs(value) > 1_000_000_000m)
            errors.Add(nameof(ValueInput.Value), "Enter the value as a number, like 42 or 12.5");
        if (errors.Any) return errors.Invalid<PilotMeasure>();
        measure!.Record(period!.Value, value, w.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PilotMeasure>.Done(measure);
    }

    public sealed record CostInput(string? CostDescription, string? Amount, string? Per);

    public async Task<UseCaseResult<PilotUnitCost>> AddUnitCostAsync(Workspace w, CostInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(nameof(CostInput.CostDescription), PartnershipRecordItem.TextProblem(input.CostDescription, "what the cost is for", 200));
        if (!decimal.TryParse(input.Amount?.Trim().TrimStart('£').Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds) || pounds < 0 || pounds > 100_000_000m || decimal.Round(pounds, 2) != pounds)
            errors.Add(nameof(CostInput.Amount), "Enter the amount in pounds, like 245.50");
        errors.Check(nameof(CostInput.Per), PartnershipRecordItem.TextProblem(input.Per, "what unit it is per (person per week, outcome …)", 100));
        if (errors.Any) return errors.Invalid<PilotUnitCost>();
        var cost = new PilotUnitCost(w.Partnership.Id, input.CostDescription!, (long)(pounds * 100), input.Per!, w.UserName, clock.GetUtcNow());
        db.PilotUnitCosts.Add(cost);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PilotUnitCost>.Done(cost);
    }

    public sealed record FeedbackInput(string? From, string? Feedback);

    public async Task<UseCaseResult<PilotFeedback>> AddFeedbackAsync(Workspace w, FeedbackInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(nameof(FeedbackInput.From), PartnershipRecordItem.TextProblem(input.From, "who it is from (no names needed: 'a person using the service')", 200));
        errors.Check(nameof(FeedbackInput.Feedback), PartnershipRecordItem.TextProblem(input.Feedback, "the feedback, in their words", 4000));
        if (errors.Any) return errors.Invalid<PilotFeedback>();
        var item = new PilotFeedback(w.Partnership.Id, input.From!, input.Feedback!, w.UserName, clock.GetUtcNow());
        db.PilotFeedback.Add(item);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PilotFeedback>.Done(item);
    }

    /// <summary>
    /// Stage 3: a commissioner of the authority drafts the procurement opportunity for sustainability. Its
    /// specification carries the pilot's evidence (measures, unit costs, feedback) and the partnership report
    /// PDF is attached to it as the evidence pack.
    /// </summary>
    public async Task<UseCaseResult<Opportunity>> CreateProcurementAsync(Workspace w, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        if (w.IsAlliance || !w.IsCommissioner || !user.IsInRole(Roles.Commissioner)) return UseCaseResult<Opportunity>.NotFound();
        if (w.Instance.State != "sustainability")
            return UseCaseResult<Opportunity>.Invalid(FieldError.Form, "The procurement opportunity is drafted in stage 3, once the pilot's gate has passed. Nothing was changed.");
        if (w.Partnership.ProcurementOpportunityId is not null)
            return UseCaseResult<Opportunity>.Invalid(FieldError.Form, "The procurement opportunity is already drafted. Nothing was changed.");
        var partnership = await db.Partnerships.SingleAsync(p => p.Id == w.Partnership.Id, ct);
        var measures = (await db.PilotMeasures.AsNoTracking().Where(m => m.PartnershipId == partnership.Id).ToListAsync(ct)).OrderBy(m => m.RecordedAt).ThenBy(m => m.Name).ToList();
        var costs = (await db.PilotUnitCosts.AsNoTracking().Where(m => m.PartnershipId == partnership.Id).ToListAsync(ct)).OrderBy(m => m.RecordedAt).ThenBy(m => m.Description).ToList();
        var feedback = await db.PilotFeedback.AsNoTracking().CountAsync(m => m.PartnershipId == partnership.Id, ct);
        var evidence = (await db.PartnershipEvidence.AsNoTracking().Where(e => e.PartnershipInstanceId == w.Instance.Id).ToListAsync(ct)).OrderBy(e => e.RecordedAt).ToList();

        var spec = new StringBuilder();
        spec.AppendLine($"This service was co-designed and piloted by the {partnership.Name} Public Social Partnership. It is now procured for sustainability, with the pilot's evidence below; the full evidence pack (the partnership report, with a chart and table for every measure) is attached.");
        spec.AppendLine().AppendLine("What the partnership is for:").AppendLine(partnership.Purpose);
        if (measures.Count > 0)
        {
            spec.AppendLine().AppendLine("Pilot outcome measures:");
            foreach (var m in measures) spec.AppendLine($"- {MeasureChart.Summary(m)}");
        }
        if (costs.Count > 0)
        {
            spec.AppendLine().AppendLine("Unit costs in the pilot:");
            foreach (var c in costs) spec.AppendLine($"- {c.Description}: £{c.AmountPence / 100m:#,##0.00} per {c.Per}");
        }
        if (feedback > 0) spec.AppendLine().AppendLine($"Feedback from people using the pilot: {feedback} comments, in the evidence pack.");
        if (evidence.Count > 0)
        {
            spec.AppendLine().AppendLine("Evidence recorded at the partnership's gates:");
            foreach (var e in evidence) spec.AppendLine($"- {e.Title} ({e.RecordedBy}, {e.RecordedAt:d MMMM yyyy})");
        }
        var summary = $"Procurement for sustainability of the service the {partnership.Name} partnership co-designed and piloted.";
        var details = new OpportunityDetails
        {
            Kind = OpportunityKind.OpenTender,
            Title = $"{partnership.Name}: sustaining the service" is { Length: > OpportunityDetails.MaxTitleLength } tooLong ? tooLong[..OpportunityDetails.MaxTitleLength] : $"{partnership.Name}: sustaining the service",
            Summary = summary.Length <= OpportunityDetails.MaxSummaryLength ? summary : summary[..OpportunityDetails.MaxSummaryLength],
            Description = spec.ToString(),
            CpvCodes = ["85310000"],
            QualityWeight = 60,
            PriceWeight = 30,
            FairWorkWeight = 10,
        }.Normalised();
        var now = clock.GetUtcNow();
        var opportunity = Opportunity.CreateDraft(partnership.AuthorityId, details, now, w.UserName);
        var pdf = await report.RenderAsync(w, ct);
        string location;
        using (var content = new MemoryStream(pdf)) location = await store.SaveAsync(content, ct);
        try
        {
            opportunity.AddDocument("Pilot evidence pack (partnership report)", $"{RegistersModel.Slug(partnership.Name)}-evidence-pack.pdf", "application/pdf", pdf.Length, location, now, w.UserName);
            db.Opportunities.Add(opportunity);
            partnership.ProcurementCreated(opportunity.Id);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            store.Delete(location);
            throw;
        }
        return UseCaseResult<Opportunity>.Done(opportunity);
    }

    internal static DateOnly? ParsePeriod(string? text)
    {
        var t = text?.Trim();
        if (DateOnly.TryParseExact(t, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)) return new DateOnly(d.Year, d.Month, 1);
        if (DateOnly.TryParseExact(t, ["MMMM yyyy", "MMM yyyy"], CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out d)) return d;
        return null;
    }
}

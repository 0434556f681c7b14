using System.Globalization;
using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Web.Features.Opportunities.Commissioning;
using CommissioningPortal.Web.Features.ProviderOnboarding;

namespace CommissioningPortal.Web.Features.Partnerships;

/// <summary>
/// The partnership's shared record, kept by every member: objectives and shared outcomes with their measures,
/// meetings with agenda and minutes, documents with versions, the risk and issue register. Each item records
/// who and when; each write is one use case that checks its input and saves all of it or nothing.
/// </summary>
public sealed class SharedRecord(PortalDbContext db, IEvidenceStore store, TimeProvider clock)
{
    public sealed record ObjectiveInput(string? Objective, string? Outcome, string? Measure);

    public async Task<UseCaseResult<PartnershipObjective>> AddObjectiveAsync(Workspace w, ObjectiveInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(nameof(ObjectiveInput.Objective), PartnershipRecordItem.TextProblem(input.Objective, "the objective", 1000));
        errors.Check(nameof(ObjectiveInput.Outcome), PartnershipRecordItem.TextProblem(input.Outcome, "the shared outcome it aims at", 1000));
        errors.Check(nameof(ObjectiveInput.Measure), PartnershipRecordItem.TextProblem(input.Measure, "how it is measured", 1000));
        if (errors.Any) return errors.Invalid<PartnershipObjective>();
        var item = new PartnershipObjective(w.Partnership.Id, input.Objective!, input.Outcome!, input.Measure!, w.UserName, clock.GetUtcNow());
        db.PartnershipObjectives.Add(item);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PartnershipObjective>.Done(item);
    }

    public sealed record MeetingInput(string? MeetingTitle, string? HeldOn, string? Agenda);

    public async Task<UseCaseResult<PartnershipMeeting>> AddMeetingAsync(Workspace w, MeetingInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(nameof(MeetingInput.MeetingTitle), PartnershipRecordItem.TextProblem(input.MeetingTitle, "the meeting's title", 200));
        var heldOn = ParseDate(input.HeldOn);
        if (heldOn is null) errors.Add(nameof(MeetingInput.HeldOn), "Enter the meeting's date, like 2026-12-31");
        errors.Check(nameof(MeetingInput.Agenda), PartnershipRecordItem.TextProblem(input.Agenda, "the agenda", 4000));
        if (errors.Any) return errors.Invalid<PartnershipMeeting>();
        var item = new PartnershipMeeting(w.Partnership.Id, input.MeetingTitle!, heldOn!.Value, input.Agenda!, w.UserName, clock.GetUtcNow());
        db.PartnershipMeetings.Add(item);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PartnershipMeeting>.Done(item);
    }

    public async Task<UseCaseResult<PartnershipMeeting>> RecordMinutesAsync(Workspace w, Guid meetingId, string? minutes, CancellationToken ct)
    {
        var meeting = await db.PartnershipMeetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.PartnershipId == w.Partnership.Id, ct);
        if (meeting is null) return UseCaseResult<PartnershipMeeting>.NotFound();
        if (PartnershipRecordItem.TextProblem(minutes, "the minutes", 8000) is { } problem) return UseCaseResult<PartnershipMeeting>.Invalid("Minutes", problem);
        meeting.RecordMinutes(minutes!, w.UserName, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PartnershipMeeting>.Done(meeting);
    }

    public sealed record RiskInput(RiskKind? RiskKind, string? Description, string? Owner, string? ReviewOn, string? RiskResponse);

    public async Task<UseCaseResult<PartnershipRisk>> AddRiskAsync(Workspace w, RiskInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.RiskKind is null || !Enum.IsDefined(input.RiskKind.Value)) errors.Add(nameof(RiskInput.RiskKind), "Choose whether it is a risk or an issue");
        errors.Check(nameof(RiskInput.Description), PartnershipRecordItem.TextProblem(input.Description, "what the risk or issue is", 2000));
        errors.Check(nameof(RiskInput.Owner), PartnershipRecordItem.TextProblem(input.Owner, "who owns it", 200));
        var reviewOn = ParseDate(input.ReviewOn);
        if (reviewOn is null) errors.Add(nameof(RiskInput.ReviewOn), "Enter when it is next reviewed, like 2026-12-31");
        if (input.RiskResponse is { Length: > 2000 }) errors.Add(nameof(RiskInput.RiskResponse), "What is being done must be 2,000 characters or fewer");
        if (errors.Any) return errors.Invalid<PartnershipRisk>();
        var item = new PartnershipRisk(w.Partnership.Id, input.RiskKind!.Value, input.Description!, input.Owner!, reviewOn!.Value, input.RiskResponse, w.UserName, clock.GetUtcNow());
        db.PartnershipRisks.Add(item);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<PartnershipRisk>.Done(item);
    }

    /// <summary>A new document, or a new version of one (<paramref name="documentId"/>); checked by its content like opportunity documents.</summary>
    public async Task<UseCaseResult<PartnershipDocumentVersion>> UploadAsync(Workspace w, Guid? documentId, string? title, OpportunityDocuments.Upload? upload, CancellationToken ct)
    {
        PartnershipDocument? document = null;
        if (documentId is { } existing)
        {
            document = await db.PartnershipDocuments.FirstOrDefaultAsync(d => d.Id == existing && d.PartnershipId == w.Partnership.Id, ct);
            if (document is null) return UseCaseResult<PartnershipDocumentVersion>.NotFound();
        }
        var errors = new FieldErrors();
        if (document is null) errors.Check("DocumentTitle", PartnershipRecordItem.TextProblem(title, "the document's title", 200));
        string? type = null;
        if (upload is null || upload.FileName.Length == 0) errors.Add("Upload", $"Choose the file to upload: {OpportunityDocuments.Accepted}");
        else if (upload.Length == 0) errors.Add("Upload", "The file is empty. Choose it again");
        else if (upload.Length > OpportunityDocuments.MaxBytes) errors.Add("Upload", $"The file must be smaller than {OpportunityDocuments.MaxSizeText}");
        else
        {
            await using var stream = upload.OpenRead();
            type = await OpportunityDocuments.SniffAsync(stream, ct);
            if (type is null) errors.Add("Upload", $"The file is not {OpportunityDocuments.Accepted}");
        }
        if (errors.Any) return errors.Invalid<PartnershipDocumentVersion>();
        string location;
        await using (var content = upload!.OpenRead()) location = await store.SaveAsync(content, ct);
        try
        {
            var now = clock.GetUtcNow();
            if (document is null)
            {
                document = new PartnershipDocument(w.Partnership.Id, title!, w.UserName, now);
                db.PartnershipDocuments.Add(document);
            }
            var name = Path.GetFileName(upload.FileName);
            var version = document.AddVersion(name.Length <= 260 ? name : name[^260..], type!, upload.Length, location, w.UserName, now);
            await db.SaveChangesAsync(ct);
            return UseCaseResult<PartnershipDocumentVersion>.Done(version);
        }
        catch
        {
            store.Delete(location);
            throw;
        }
    }

    internal static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : DateOnly.TryParse(text?.Trim(), CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out d) ? d : null;
}

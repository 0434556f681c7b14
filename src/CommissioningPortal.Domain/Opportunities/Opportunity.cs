using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Opportunities;

/// <summary>
/// Something an authority puts to the market (DESIGN.md glossary: Opportunity): a tender, a framework
/// round, a partnership invitation and so on (<see cref="OpportunityKind"/>), with its lots, key dates and
/// award criteria. Draft → Published → Closed, or Cancelled with a reason. A published opportunity is
/// changed only by an amendment, each kept in a visible change log (<see cref="Changes"/>).
/// State changes only through its methods; a broken rule is an <see cref="OpportunityRuleException"/>.
/// </summary>
public sealed class Opportunity : IVersioned
{
    public const int MaxReasonLength = 2000;

    private readonly List<OpportunityLot> _lots = [];
    private readonly List<OpportunityChange> _changes = [];
    private readonly List<OpportunityDocument> _documents = [];

    private Opportunity()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AuthorityId { get; private set; }
    public OpportunityKind Kind { get; private set; }
    public OpportunityStatus Status { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string? Description { get; private set; }
    public List<string> CpvCodes { get; private set; } = [];
    public List<string> Localities { get; private set; } = [];
    public List<string> ClientGroups { get; private set; } = [];
    public List<string> SupportTypes { get; private set; } = [];
    public long? EstimatedValuePence { get; private set; }
    public int? DurationMonths { get; private set; }
    public string? ProcedureNote { get; private set; }
    public DateTimeOffset? PublicationAt { get; private set; }
    public DateTimeOffset? ClarificationDeadline { get; private set; }
    public DateTimeOffset? SubmissionDeadline { get; private set; }
    public DateOnly? ExpectedAwardOn { get; private set; }
    public DateOnly? ContractStartOn { get; private set; }
    public int QualityWeight { get; private set; }
    public int PriceWeight { get; private set; }
    public int FairWorkWeight { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancellationReason { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<OpportunityLot> Lots => _lots;
    public IReadOnlyList<OpportunityChange> Changes => _changes;
    public IReadOnlyList<OpportunityDocument> Documents => _documents;

    public static Opportunity CreateDraft(Guid authorityId, OpportunityDetails details, DateTimeOffset at, string by)
    {
        var opportunity = new Opportunity { AuthorityId = authorityId, CreatedAt = at, CreatedBy = by };
        opportunity.Apply(details);
        return opportunity;
    }

    /// <summary>Changes a draft (no change log: nobody outside has seen it).</summary>
    public void EditDraft(OpportunityDetails details)
    {
        RequireStatus(OpportunityStatus.Draft, "Only a draft can be edited; a published opportunity is amended.");
        Apply(details);
    }

    public OpportunityLot AddLot(string title, string? description, long? valuePence)
    {
        RequireStatus(OpportunityStatus.Draft, "Lots can be added only while the opportunity is a draft.");
        var (t, d) = OpportunityLot.Check(title, description, valuePence);
        var lot = new OpportunityLot(Id, _lots.Count == 0 ? 1 : _lots.Max(l => l.Number) + 1, t, d, valuePence);
        _lots.Add(lot);
        return lot;
    }

    public void RemoveLot(Guid lotId)
    {
        RequireStatus(OpportunityStatus.Draft, "Lots can be removed only while the opportunity is a draft.");
        var lot = _lots.FirstOrDefault(l => l.Id == lotId) ?? throw new OpportunityRuleException("That lot is not part of this opportunity.");
        _lots.Remove(lot);
    }

    /// <summary>Why this draft cannot be published now, or an empty list when it can.</summary>
    public IReadOnlyList<string> PublishProblems(DateTimeOffset now)
    {
        var problems = new List<string>();
        if (Status != OpportunityStatus.Draft) problems.Add("Only a draft can be published.");
        if (SubmissionDeadline is null) problems.Add("Set the submission deadline before publishing.");
        else if (SubmissionDeadline <= now) problems.Add("The submission deadline has passed: change it before publishing.");
        else if (PublicationAt is { } p && SubmissionDeadline <= p) problems.Add("The submission deadline must be after the publication date.");
        problems.AddRange(Details().Problems().Select(p => p.Message));
        return problems.Distinct().ToList();
    }

    /// <summary>Publishes the draft now (the publication date becomes now if it was empty or later).</summary>
    public void Publish(DateTimeOffset now, string by)
    {
        if (PublishProblems(now) is [var first, ..]) throw new OpportunityRuleException(first);
        Status = OpportunityStatus.Published;
        PublishedAt = now;
        if (PublicationAt is null || PublicationAt > now) PublicationAt = now;
        _changes.Add(new OpportunityChange(Id, now, by, "Published.", OpportunityChangeKind.Published));
    }

    /// <summary>
    /// Amends a published opportunity: the new details replace the old and the change log says which
    /// fields changed, when and by whom, with the commissioner's own note.
    /// </summary>
    public OpportunityChange Amend(OpportunityDetails details, string note, DateTimeOffset at, string by)
    {
        RequireStatus(OpportunityStatus.Published, "Only a published opportunity can be amended.");
        note = note.Trim();
        if (PlainText.Problem(note, "What changed", MaxReasonLength, PlainText.Kind.Paragraphs, "Say what changed and why, for everyone reading the opportunity.") is { } problem)
            throw new OpportunityRuleException(problem, "Note");
        var before = Details();
        var normalised = details.Normalised();
        var changed = ChangedFields(before, normalised);
        if (changed.Count == 0) throw new OpportunityRuleException("Nothing has changed: there is nothing to amend.");
        if (normalised.SubmissionDeadline is { } s && s <= at)
            throw new OpportunityRuleException("The submission deadline must be in the future.", nameof(SubmissionDeadline));
        Apply(normalised);
        var change = new OpportunityChange(Id, at, by, $"Changed {string.Join(", ", changed)}: {note}", OpportunityChangeKind.Amended);
        _changes.Add(change);
        return change;
    }

    /// <summary>Closes a published opportunity (its deadline has passed, or the commissioner closes it).</summary>
    public void Close(DateTimeOffset at, string by)
    {
        RequireStatus(OpportunityStatus.Published, "Only a published opportunity can be closed.");
        Status = OpportunityStatus.Closed;
        ClosedAt = at;
        _changes.Add(new OpportunityChange(Id, at, by, "Closed.", OpportunityChangeKind.Closed));
    }

    /// <summary>Cancels a draft or published opportunity; the reason is required and shown.</summary>
    public void Cancel(string reason, DateTimeOffset at, string by)
    {
        if (Status is OpportunityStatus.Closed or OpportunityStatus.Cancelled)
            throw new OpportunityRuleException(Status == OpportunityStatus.Cancelled ? "This opportunity is already cancelled." : "A closed opportunity cannot be cancelled.");
        reason = reason.Trim();
        if (PlainText.Problem(reason, "The reason", MaxReasonLength, PlainText.Kind.Paragraphs, "Say why the opportunity is cancelled.") is { } problem)
            throw new OpportunityRuleException(problem, nameof(CancellationReason));
        Status = OpportunityStatus.Cancelled;
        CancelledAt = at;
        CancellationReason = reason;
        _changes.Add(new OpportunityChange(Id, at, by, $"Cancelled: {reason}", OpportunityChangeKind.Cancelled));
    }

    /// <summary>
    /// Attaches a document (already stored and checked by the caller) to a draft or a published
    /// opportunity; on a published one the change log says so, as providers may already be reading it.
    /// </summary>
    public OpportunityDocument AddDocument(string title, string fileName, string contentType, long length, string location, DateTimeOffset at, string by)
    {
        if (Status is not (OpportunityStatus.Draft or OpportunityStatus.Published))
            throw new OpportunityRuleException("Documents can be added only to a draft or published opportunity.", "Document");
        title = string.IsNullOrWhiteSpace(title) ? Path.GetFileNameWithoutExtension(fileName) : title.Trim();
        if (PlainText.Problem(title, "The document title", OpportunityDocument.MaxTitleLength, PlainText.Kind.Line, "Enter the document's title.") is { } problem)
            throw new OpportunityRuleException(problem, "DocumentTitle");
        if (_documents.Count >= OpportunityDocument.MaxPerOpportunity)
            throw new OpportunityRuleException($"An opportunity can have at most {OpportunityDocument.MaxPerOpportunity} documents. Remove one first.", "Document");
        var document = new OpportunityDocument(Id, title, fileName, contentType, length, location, at, by);
        _documents.Add(document);
        if (Status == OpportunityStatus.Published)
            _changes.Add(new OpportunityChange(Id, at, by, $"Added the document \"{title}\".", OpportunityChangeKind.DocumentAdded));
        return document;
    }

    /// <summary>Removes a document; on a published opportunity the change log says so.</summary>
    public OpportunityDocument RemoveDocument(Guid documentId, DateTimeOffset at, string by)
    {
        if (Status is not (OpportunityStatus.Draft or OpportunityStatus.Published))
            throw new OpportunityRuleException("Documents can be removed only from a draft or published opportunity.");
        var document = _documents.FirstOrDefault(d => d.Id == documentId) ?? throw new OpportunityRuleException("That document is not part of this opportunity.");
        _documents.Remove(document);
        if (Status == OpportunityStatus.Published)
            _changes.Add(new OpportunityChange(Id, at, by, $"Removed the document \"{document.Title}\".", OpportunityChangeKind.DocumentRemoved));
        return document;
    }

    /// <summary>
    /// Records an award step in the change log (issue 16): the decision (award notice), its update and the contract. The evaluation
    /// decides; this only keeps the visible, dated record that the open data publishes.
    /// </summary>
    public void RecordAward(OpportunityChangeKind kind, string what, DateTimeOffset at, string by)
    {
        if (kind is not (OpportunityChangeKind.AwardDecided or OpportunityChangeKind.AwardUpdated or OpportunityChangeKind.ContractAwarded))
            throw new OpportunityRuleException("Only award steps are recorded this way.");
        if (Status is OpportunityStatus.Draft or OpportunityStatus.Cancelled) throw new OpportunityRuleException("Only a published or closed opportunity can be awarded.");
        _changes.Add(new OpportunityChange(Id, at, by, what, kind));
    }

    /// <summary>Its details as a commissioner would edit them.</summary>
    public OpportunityDetails Details() => new()
    {
        Kind = Kind, Title = Title, Summary = Summary, Description = Description,
        CpvCodes = CpvCodes.ToList(), Localities = Localities.ToList(), ClientGroups = ClientGroups.ToList(), SupportTypes = SupportTypes.ToList(),
        EstimatedValuePence = EstimatedValuePence, DurationMonths = DurationMonths, ProcedureNote = ProcedureNote,
        PublicationAt = PublicationAt, ClarificationDeadline = ClarificationDeadline, SubmissionDeadline = SubmissionDeadline,
        ExpectedAwardOn = ExpectedAwardOn, ContractStartOn = ContractStartOn,
        QualityWeight = QualityWeight, PriceWeight = PriceWeight, FairWorkWeight = FairWorkWeight,
    };

    private void Apply(OpportunityDetails details)
    {
        details = details.Normalised();
        if (details.Problems() is [var (field, message), ..]) throw new OpportunityRuleException(message, field);
        Kind = details.Kind;
        Title = details.Title;
        Summary = details.Summary;
        Description = details.Description;
        CpvCodes = details.CpvCodes.ToList();
        Localities = details.Localities.ToList();
        ClientGroups = details.ClientGroups.ToList();
        SupportTypes = details.SupportTypes.ToList();
        EstimatedValuePence = details.EstimatedValuePence;
        DurationMonths = details.DurationMonths;
        ProcedureNote = details.ProcedureNote;
        PublicationAt = details.PublicationAt;
        ClarificationDeadline = details.ClarificationDeadline;
        SubmissionDeadline = details.SubmissionDeadline;
        ExpectedAwardOn = details.ExpectedAwardOn;
        ContractStartOn = details.ContractStartOn;
        QualityWeight = details.QualityWeight;
        PriceWeight = details.PriceWeight;
        FairWorkWeight = details.FairWorkWeight;
    }

    private static List<string> ChangedFields(OpportunityDetails a, OpportunityDetails b)
    {
        var changed = new List<string>();
        if (a.Kind != b.Kind) changed.Add("kind");
        if (a.Title != b.Title) changed.Add("title");
        if (a.Summary != b.Summary) changed.Add("summary");
        if (a.Description != b.Description) changed.Add("description");
        if (!a.CpvCodes.SequenceEqual(b.CpvCodes)) changed.Add("CPV codes");
        if (!a.Localities.SequenceEqual(b.Localities)) changed.Add("localities");
        if (!a.ClientGroups.SequenceEqual(b.ClientGroups)) changed.Add("client groups");
        if (!a.SupportTypes.SequenceEqual(b.SupportTypes)) changed.Add("support types");
        if (a.EstimatedValuePence != b.EstimatedValuePence) changed.Add("estimated value");
        if (a.DurationMonths != b.DurationMonths) changed.Add("duration");
        if (a.ProcedureNote != b.ProcedureNote) changed.Add("procedure note");
        if (a.PublicationAt != b.PublicationAt) changed.Add("publication date");
        if (a.ClarificationDeadline != b.ClarificationDeadline) changed.Add("clarification deadline");
        if (a.SubmissionDeadline != b.SubmissionDeadline) changed.Add("submission deadline");
        if (a.ExpectedAwardOn != b.ExpectedAwardOn) changed.Add("expected award date");
        if (a.ContractStartOn != b.ContractStartOn) changed.Add("contract start date");
        if (a.QualityWeight != b.QualityWeight || a.PriceWeight != b.PriceWeight || a.FairWorkWeight != b.FairWorkWeight) changed.Add("award criteria weights");
        return changed;
    }

    private void RequireStatus(OpportunityStatus status, string message)
    {
        if (Status != status) throw new OpportunityRuleException(message);
    }
}

/// <summary>A part of an opportunity providers may respond to separately.</summary>
public sealed class OpportunityLot
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;

    private OpportunityLot()
    {
    }

    internal OpportunityLot(Guid opportunityId, int number, string title, string? description, long? valuePence)
    {
        OpportunityId = opportunityId;
        Number = number;
        Title = title;
        Description = description;
        ValuePence = valuePence;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public long? ValuePence { get; private set; }

    internal static (string Title, string? Description) Check(string title, string? description, long? valuePence)
    {
        if (PlainText.Problem(title, "The lot title", MaxTitleLength, PlainText.Kind.Line, "Enter the lot's title.") is { } t)
            throw new OpportunityRuleException(t, nameof(Title));
        if (PlainText.Problem(description, "The lot description", MaxDescriptionLength, PlainText.Kind.Paragraphs) is { } d)
            throw new OpportunityRuleException(d, nameof(Description));
        if (valuePence is < 0) throw new OpportunityRuleException("The lot value cannot be less than zero.", nameof(ValuePence));
        return (title.Trim(), string.IsNullOrWhiteSpace(description) ? null : description.Trim());
    }
}

/// <summary>One line of an opportunity's visible change log: what changed, when, by whom.</summary>
public sealed class OpportunityChange
{
    private OpportunityChange()
    {
    }

    internal OpportunityChange(Guid opportunityId, DateTimeOffset at, string by, string what, OpportunityChangeKind kind)
    {
        OpportunityId = opportunityId;
        At = at;
        By = by;
        What = what;
        Kind = kind;
    }

    public OpportunityChangeKind Kind { get; private set; }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public string What { get; private set; } = "";
}

/// <summary>What a change-log line records (each is one OCDS release: tender, tenderAmendment, tenderUpdate, tenderCancellation).</summary>
public enum OpportunityChangeKind
{
    Published = 0,
    Amended = 1,
    DocumentAdded = 2,
    DocumentRemoved = 3,
    Closed = 4,
    Cancelled = 5,

    /// <summary>The award decision (issue 16): the award notice; the OCDS <c>award</c> release.</summary>
    AwardDecided = 6,

    /// <summary>The award after its standstill, contract recorded: the OCDS <c>contract</c> release.</summary>
    ContractAwarded = 7,

    /// <summary>A change to an award already notified (its status becoming active after the standstill): the OCDS <c>awardUpdate</c> release.</summary>
    AwardUpdated = 8,
}

/// <summary>A document attached to an opportunity (specification, questionnaire, price schedule…), stored by the caller under <see cref="Location"/>.</summary>
public sealed class OpportunityDocument
{
    public const int MaxTitleLength = 200;
    public const int MaxPerOpportunity = 30;

    private OpportunityDocument()
    {
    }

    internal OpportunityDocument(Guid opportunityId, string title, string fileName, string contentType, long length, string location, DateTimeOffset at, string by)
    {
        OpportunityId = opportunityId;
        Title = title;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        Location = location;
        UploadedAt = at;
        UploadedBy = by;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }
    public string Title { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Length { get; private set; }
    public string Location { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";
}

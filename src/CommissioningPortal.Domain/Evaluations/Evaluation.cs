using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Evaluations;

/// <summary>Where an evaluation is.</summary>
public enum EvaluationStage
{
    /// <summary>Panel members declare conflicts and score independently; nobody sees another's scores.</summary>
    Scoring = 0,

    /// <summary>Scoring is closed; the moderator sees every score side by side and records consensus scores with reasons.</summary>
    Moderation = 1,

    /// <summary>Consensus reached: totals, price checks and the award decision.</summary>
    Moderated = 2,

    /// <summary>Award decided; the 10-day standstill runs (a timer of the tender process ends it).</summary>
    Standstill = 3,

    /// <summary>The standstill ended: the contract is awarded and recorded.</summary>
    Awarded = 4,
}

/// <summary>Commissioners score every scored question; lived-experience members only the quality questions assigned to them, and never see prices.</summary>
public enum PanelRole
{
    Commissioner = 0,
    LivedExperience = 1,
}

/// <summary>
/// An opportunity's evaluation (issue 16): its panel, the moderator's consensus scores, price exclusions and the award.
/// Evaluators' own scores are separate rows (<see cref="EvaluatorScore"/>), each written only by its evaluator.
/// State changes only through these methods; a broken rule is an <see cref="EvaluationRuleException"/>.
/// </summary>
public sealed class Evaluation : IVersioned
{
    public const int MaxReasonLength = 4000;
    public const int MaxCommentLength = 4000;
    public static readonly TimeSpan Standstill = TimeSpan.FromDays(10);

    private readonly List<PanelSeat> _seats = [];
    private readonly List<ConsensusScore> _consensus = [];
    private readonly List<PriceExclusion> _exclusions = [];

    private Evaluation()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }
    public Guid AuthorityId { get; private set; }
    public EvaluationStage Stage { get; private set; }
    public PriceFormula PriceFormula { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? ModerationStartedAt { get; private set; }
    public DateTimeOffset? ModeratedAt { get; private set; }
    public Guid? WinnerResponseId { get; private set; }
    public string? AwardReasons { get; private set; }
    public DateTimeOffset? AwardDecidedAt { get; private set; }
    public string? AwardDecidedBy { get; private set; }
    public DateTimeOffset? StandstillEndsAt { get; private set; }
    public DateTimeOffset? AwardedAt { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<PanelSeat> Seats => _seats;
    public IReadOnlyList<ConsensusScore> Consensus => _consensus;
    public IReadOnlyList<PriceExclusion> Exclusions => _exclusions;

    public static Evaluation Start(Guid opportunityId, Guid authorityId, DateTimeOffset at, string by) =>
        new() { OpportunityId = opportunityId, AuthorityId = authorityId, CreatedAt = at, CreatedBy = by, PriceFormula = PriceFormula.LowestPriceRatio };

    public PanelSeat? SeatOf(string? userId) => userId is null ? null : _seats.FirstOrDefault(s => s.UserId == userId);

    public PanelSeat AddMember(string userId, string name, string email, PanelRole role)
    {
        RequireStage(EvaluationStage.Scoring, "Panel members can be added only while scoring is open.");
        if (_seats.Any(s => s.UserId == userId)) throw new EvaluationRuleException($"{name} is already on the panel.", "Email");
        var seat = new PanelSeat(Id, userId, name, email, role);
        _seats.Add(seat);
        return seat;
    }

    /// <summary>Gives a lived-experience member the quality questions they score (replacing any earlier assignment).</summary>
    public void Assign(string userId, IReadOnlyCollection<Guid> questionIds, IReadOnlySet<Guid> qualityQuestionIds)
    {
        RequireStage(EvaluationStage.Scoring, "Questions can be assigned only while scoring is open.");
        var seat = SeatOf(userId) ?? throw new EvaluationRuleException("That person is not on the panel.");
        if (seat.Role != PanelRole.LivedExperience) throw new EvaluationRuleException("Commissioners score every scored question; only lived-experience members are assigned questions.");
        if (questionIds.Count == 0) throw new EvaluationRuleException("Choose at least one quality question for this member to score.", "QuestionIds");
        if (questionIds.Any(q => !qualityQuestionIds.Contains(q))) throw new EvaluationRuleException("Lived-experience members score quality questions only.", "QuestionIds");
        seat.AssignedQuestionIds = questionIds.Distinct().ToList();
    }

    /// <summary>A member's declaration, made once before they see any response: the bidders they have a conflict of interest with (none is a declaration too).</summary>
    public void Declare(string userId, IReadOnlyCollection<Guid> conflictedProviderIds, string? note, DateTimeOffset at)
    {
        var seat = SeatOf(userId) ?? throw new EvaluationRuleException("You are not on this panel.");
        if (seat.DeclaredAt is not null) throw new EvaluationRuleException("You have already declared your interests. Ask the commissioner if something has changed.");
        if (PlainText.Problem(note, "The note", MaxCommentLength, PlainText.Kind.Paragraphs) is { } problem) throw new EvaluationRuleException(problem, "Note");
        if (conflictedProviderIds.Count > 0 && string.IsNullOrWhiteSpace(note))
            throw new EvaluationRuleException("Say briefly what the conflict of interest is, for the record.", "Note");
        seat.DeclaredAt = at;
        seat.ConflictedProviderIds = conflictedProviderIds.Distinct().ToList();
        seat.DeclarationNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    /// <summary>Closes scoring: from now the moderator sees every score side by side.</summary>
    public void StartModeration(DateTimeOffset at)
    {
        RequireStage(EvaluationStage.Scoring, "Moderation has already started.");
        if (_seats.Count == 0) throw new EvaluationRuleException("Add the panel before moderation.");
        Stage = EvaluationStage.Moderation;
        ModerationStartedAt = at;
    }

    public ConsensusScore RecordConsensus(Guid responseId, Guid questionId, int scaleMax, int? score, string? reason, DateTimeOffset at, string by)
    {
        RequireStage(EvaluationStage.Moderation, "Consensus scores are recorded during moderation.");
        if (score is null || score < 0 || score > scaleMax) throw new EvaluationRuleException($"The consensus score must be a whole number from 0 to {scaleMax}.", "Score");
        if (PlainText.Problem(reason, "The reason", MaxReasonLength, PlainText.Kind.Paragraphs, "Give the reason for the consensus score.") is { } problem)
            throw new EvaluationRuleException(problem, "Reason");
        var existing = _consensus.FirstOrDefault(c => c.ResponseId == responseId && c.QuestionId == questionId);
        if (existing is not null) _consensus.Remove(existing);
        var c = new ConsensusScore(Id, responseId, questionId, score.Value, reason!.Trim(), at, by);
        _consensus.Add(c);
        return c;
    }

    /// <summary>Ends moderation once every answer to be scored has its consensus score.</summary>
    public void FinishModeration(IReadOnlyCollection<(Guid ResponseId, Guid QuestionId)> required, DateTimeOffset at)
    {
        RequireStage(EvaluationStage.Moderation, "Moderation is not open.");
        var missing = required.Count(r => !_consensus.Any(c => c.ResponseId == r.ResponseId && c.QuestionId == r.QuestionId));
        if (missing > 0) throw new EvaluationRuleException($"{missing} answer{(missing == 1 ? " still needs its" : "s still need their")} consensus score before moderation can finish.");
        Stage = EvaluationStage.Moderated;
        ModeratedAt = at;
    }

    /// <summary>Excludes a bidder (a price below the sustainable floor, say) with the reason recorded; it is then not ranked.</summary>
    public void Exclude(Guid responseId, string? reason, DateTimeOffset at, string by)
    {
        if (Stage is not (EvaluationStage.Moderation or EvaluationStage.Moderated)) throw new EvaluationRuleException("A bidder can be excluded only before the award is decided.");
        if (PlainText.Problem(reason, "The reason", MaxReasonLength, PlainText.Kind.Paragraphs, "Give the reason for excluding this bid; it is recorded and told to the bidder.") is { } problem)
            throw new EvaluationRuleException(problem, "Reason");
        if (_exclusions.Any(e => e.ResponseId == responseId)) throw new EvaluationRuleException("This bid is already excluded.");
        _exclusions.Add(new PriceExclusion(Id, responseId, reason!.Trim(), at, by));
    }

    public bool IsExcluded(Guid responseId) => _exclusions.Any(e => e.ResponseId == responseId);

    /// <summary>Decides the award to the ranked <paramref name="winnerResponseId"/> with reasons; the 10-day standstill starts now.</summary>
    public void DecideAward(Guid winnerResponseId, bool winnerIsRanked, string? reasons, DateTimeOffset at, string by)
    {
        RequireStage(EvaluationStage.Moderated, Stage < EvaluationStage.Moderated ? "Finish moderation before deciding the award." : "The award has already been decided.");
        if (!winnerIsRanked) throw new EvaluationRuleException("Choose a ranked bidder: one that passed every pass/fail question and was not excluded.", "WinnerResponseId");
        if (PlainText.Problem(reasons, "The reasons", MaxReasonLength, PlainText.Kind.Paragraphs, "Give the reasons for the award decision; every bidder's letter quotes them.") is { } problem)
            throw new EvaluationRuleException(problem, "Reasons");
        WinnerResponseId = winnerResponseId;
        AwardReasons = reasons!.Trim();
        AwardDecidedAt = at;
        AwardDecidedBy = by;
        StandstillEndsAt = at + Standstill;
        Stage = EvaluationStage.Standstill;
    }

    /// <summary>
    /// The standstill has ended: the contract is awarded. Only the tender process's 10-day timer calls this (its transition is the
    /// system's alone), so the timer, not this method, decides when.
    /// </summary>
    public void EndStandstill(DateTimeOffset at)
    {
        RequireStage(EvaluationStage.Standstill, "The award is not in its standstill.");
        Stage = EvaluationStage.Awarded;
        AwardedAt = at;
    }

    private void RequireStage(EvaluationStage stage, string message)
    {
        if (Stage != stage) throw new EvaluationRuleException(message);
    }
}

/// <summary>A member of an evaluation panel: who, which role, which questions (lived-experience members), and their declaration of interests.</summary>
public sealed class PanelSeat
{
    private PanelSeat()
    {
    }

    internal PanelSeat(Guid evaluationId, string userId, string name, string email, PanelRole role)
    {
        EvaluationId = evaluationId;
        UserId = userId;
        Name = name;
        Email = email;
        Role = role;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid EvaluationId { get; private set; }
    public string UserId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public PanelRole Role { get; private set; }
    public List<Guid> AssignedQuestionIds { get; internal set; } = [];
    public DateTimeOffset? DeclaredAt { get; internal set; }
    public List<Guid> ConflictedProviderIds { get; internal set; } = [];
    public string? DeclarationNote { get; internal set; }

    public bool HasDeclared => DeclaredAt is not null;

    public bool ConflictedWith(Guid providerId) => ConflictedProviderIds.Contains(providerId);

    /// <summary>Whether this member scores <paramref name="questionId"/>: commissioners every scored question, lived-experience members their assigned ones.</summary>
    public bool Scores(Guid questionId) => Role == PanelRole.Commissioner || AssignedQuestionIds.Contains(questionId);
}

/// <summary>The moderator's agreed score for one bidder's answer to one question, with the reason.</summary>
public sealed class ConsensusScore
{
    private ConsensusScore()
    {
    }

    internal ConsensusScore(Guid evaluationId, Guid responseId, Guid questionId, int score, string reason, DateTimeOffset at, string by)
    {
        EvaluationId = evaluationId;
        ResponseId = responseId;
        QuestionId = questionId;
        Score = score;
        Reason = reason;
        At = at;
        By = by;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid EvaluationId { get; private set; }
    public Guid ResponseId { get; private set; }
    public Guid QuestionId { get; private set; }
    public int Score { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
}

/// <summary>A bid excluded from ranking, with the reason recorded (for example a price below the sustainable floor).</summary>
public sealed class PriceExclusion
{
    private PriceExclusion()
    {
    }

    internal PriceExclusion(Guid evaluationId, Guid responseId, string reason, DateTimeOffset at, string by)
    {
        EvaluationId = evaluationId;
        ResponseId = responseId;
        Reason = reason;
        At = at;
        By = by;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid EvaluationId { get; private set; }
    public Guid ResponseId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
}

/// <summary>
/// One evaluator's own score and comment for one bidder's answer to one question, on the question's scale. Written only by
/// its evaluator, while scoring is open; read by nobody else until moderation.
/// </summary>
public sealed class EvaluatorScore : IVersioned
{
    private EvaluatorScore()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid EvaluationId { get; private set; }
    public string EvaluatorId { get; private set; } = "";
    public string EvaluatorName { get; private set; } = "";
    public Guid ResponseId { get; private set; }
    public Guid QuestionId { get; private set; }
    public int Score { get; private set; }
    public string Comment { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public int Version { get; set; }

    /// <summary>A new score, or <paramref name="existing"/> changed; the scale runs from 0 to <paramref name="scaleMax"/>.</summary>
    public static EvaluatorScore Record(EvaluatorScore? existing, Evaluation evaluation, PanelSeat seat, Guid responseId, Guid questionId, int questionNumber, int scaleMax,
        int? score, string? comment, DateTimeOffset at)
    {
        if (evaluation.Stage != EvaluationStage.Scoring) throw new EvaluationRuleException("Scoring has closed: the panel is in moderation.");
        if (!seat.HasDeclared) throw new EvaluationRuleException("Declare your interests before you score.");
        if (!seat.Scores(questionId)) throw new EvaluationRuleException("You have not been asked to score that question.");
        if (score is null || score < 0 || score > scaleMax)
            throw new EvaluationRuleException($"Question {questionNumber}: choose a score from 0 to {scaleMax}.", $"Scores[{questionId}]");
        if (PlainText.Problem(comment, $"Your comment on question {questionNumber}", Evaluation.MaxCommentLength, PlainText.Kind.Paragraphs,
                $"Question {questionNumber}: write a comment saying why you gave this score.") is { } problem)
            throw new EvaluationRuleException(problem, $"Comments[{questionId}]");
        var s = existing ?? new EvaluatorScore { EvaluationId = evaluation.Id, EvaluatorId = seat.UserId, EvaluatorName = seat.Name, ResponseId = responseId, QuestionId = questionId };
        s.Score = score.Value;
        s.Comment = comment!.Trim();
        s.At = at;
        return s;
    }
}

/// <summary>
/// The lowest sustainable hourly price an authority accepts from a date: the Real Living Wage plus on-costs (employer's National
/// Insurance, pension, holiday, training, travel, management), as a percentage. The newest one in effect on a date applies.
/// </summary>
public sealed class SustainablePriceFloor
{
    private SustainablePriceFloor()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid AuthorityId { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public long RealLivingWagePencePerHour { get; private set; }
    public decimal OnCostPercent { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";

    /// <summary>The floor per hour in pence, rounded up to the penny.</summary>
    public long FloorPencePerHour => (long)Math.Ceiling(RealLivingWagePencePerHour * (1 + OnCostPercent / 100m));

    public static SustainablePriceFloor Set(Guid authorityId, DateOnly effectiveFrom, long? realLivingWagePence, decimal? onCostPercent, DateTimeOffset at, string by)
    {
        if (realLivingWagePence is null or <= 0 or > 100_00) throw new EvaluationRuleException("The Real Living Wage must be an hourly amount in pounds, like 12.60.", "RealLivingWage");
        if (onCostPercent is null or < 0 or > 200) throw new EvaluationRuleException("The on-costs must be a percentage from 0 to 200, like 38.", "OnCostPercent");
        return new SustainablePriceFloor
        {
            AuthorityId = authorityId, EffectiveFrom = effectiveFrom, RealLivingWagePencePerHour = realLivingWagePence.Value, OnCostPercent = onCostPercent.Value,
            CreatedAt = at, CreatedBy = by,
        };
    }

    /// <summary>The floor in effect on <paramref name="on"/>: the one with the latest effective date on or before it; null when none.</summary>
    public static SustainablePriceFloor? InEffect(IEnumerable<SustainablePriceFloor> floors, DateOnly on) =>
        floors.Where(f => f.EffectiveFrom <= on).OrderByDescending(f => f.EffectiveFrom).ThenByDescending(f => f.CreatedAt).FirstOrDefault();
}

/// <summary>
/// The letter each bidder gets after the award decision: their score per question, the winner's, and the reasons. Drafted by the
/// portal, editable until sent; when sent its PDF is kept and it goes through the e-mail outbox.
/// </summary>
public sealed class FeedbackLetter : IVersioned
{
    public const int MaxTextLength = 20000;

    private FeedbackLetter()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid EvaluationId { get; private set; }
    public Guid OpportunityId { get; private set; }
    public Guid ResponseId { get; private set; }
    public Guid ProviderId { get; private set; }
    public string ProviderName { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset DraftedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? SentBy { get; private set; }
    public byte[]? Pdf { get; private set; }
    public int Version { get; set; }

    public static FeedbackLetter Draft(Evaluation evaluation, Guid responseId, Guid providerId, string providerName, string text, DateTimeOffset at) => new()
    {
        EvaluationId = evaluation.Id, OpportunityId = evaluation.OpportunityId, ResponseId = responseId, ProviderId = providerId, ProviderName = providerName, Text = text, DraftedAt = at,
    };

    public void Edit(string? text)
    {
        if (SentAt is not null) throw new EvaluationRuleException("This letter has been sent and can no longer be changed.");
        if (PlainText.Problem(text, "The letter", MaxTextLength, PlainText.Kind.Paragraphs, "The letter cannot be empty.") is { } problem) throw new EvaluationRuleException(problem, "Text");
        Text = text!.Trim().ReplaceLineEndings("\n");
    }

    public void MarkSent(byte[] pdf, DateTimeOffset at, string by)
    {
        if (SentAt is not null) throw new EvaluationRuleException("This letter has already been sent.");
        Pdf = pdf;
        SentAt = at;
        SentBy = by;
    }
}

/// <summary>The contract an award made, recorded when the standstill ends (an OCDS contract release).</summary>
public sealed class ContractRecord
{
    private ContractRecord()
    {
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid OpportunityId { get; private set; }
    public Guid EvaluationId { get; private set; }
    public Guid AuthorityId { get; private set; }
    public Guid ResponseId { get; private set; }
    public Guid ProviderId { get; private set; }
    public string ProviderName { get; private set; } = "";
    public string Title { get; private set; } = "";
    public long? ValuePence { get; private set; }
    public DateOnly? StartOn { get; private set; }
    public DateOnly? EndOn { get; private set; }
    public DateTimeOffset AwardedAt { get; private set; }

    public static ContractRecord For(Evaluation evaluation, Guid providerId, string providerName, string title, long? valuePence, DateOnly? startOn, int? durationMonths, DateTimeOffset at) => new()
    {
        OpportunityId = evaluation.OpportunityId, EvaluationId = evaluation.Id, AuthorityId = evaluation.AuthorityId, ResponseId = evaluation.WinnerResponseId!.Value,
        ProviderId = providerId, ProviderName = providerName, Title = title, ValuePence = valuePence, StartOn = startOn,
        EndOn = startOn is { } s && durationMonths is { } m ? s.AddMonths(m).AddDays(-1) : null, AwardedAt = at,
    };
}

/// <summary>An evaluation rule was broken; <see cref="Field"/> names the input it is about, when there is one.</summary>
public sealed class EvaluationRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

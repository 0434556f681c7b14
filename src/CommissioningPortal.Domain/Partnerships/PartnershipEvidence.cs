namespace CommissioningPortal.Domain.Partnerships;

/// <summary>
/// An item of evidence recorded at a stage of a Public Social Partnership (its process instance),
/// e.g. the pilot's evaluation. A stage's gate passes only when its required items exist.
/// </summary>
public sealed class PartnershipEvidence
{
    public const int MaxTitleLength = 300;

    private PartnershipEvidence()
    {
    }

    public PartnershipEvidence(Guid partnershipInstanceId, string stage, string item, string title, string recordedBy, DateTimeOffset at)
    {
        if (!PartnershipStages.RequiredEvidence(stage).Any(r => r.Item == item)) throw new ArgumentException($"'{item}' is not evidence the {stage} stage asks for.", nameof(item));
        PartnershipInstanceId = partnershipInstanceId;
        Stage = stage;
        Item = item;
        Title = title.Trim();
        RecordedBy = recordedBy;
        RecordedAt = at;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PartnershipInstanceId { get; private set; }
    public string Stage { get; private set; } = "";
    public string Item { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>The evidence each stage of a Public Social Partnership must record before its gate.</summary>
public static class PartnershipStages
{
    public sealed record RequiredItem(string Item, string Title);

    public static IReadOnlyList<RequiredItem> RequiredEvidence(string stage) => stage switch
    {
        "co-design" => [new("co-design-plan", "The co-designed service plan")],
        "pilot" => [new("pilot-evaluation", "An evaluation of the pilot"), new("outcomes-report", "A report of the outcomes for the people supported")],
        _ => [],
    };

    /// <summary>Why the stage's gate cannot pass with this evidence; null when every required item is recorded.</summary>
    public static string? MissingEvidence(string stage, IEnumerable<PartnershipEvidence> recorded)
    {
        var have = recorded.Where(e => e.Stage == stage).Select(e => e.Item).ToHashSet();
        var missing = RequiredEvidence(stage).Where(r => !have.Contains(r.Item)).Select(r => r.Title.ToLowerInvariant()).ToList();
        return missing.Count == 0 ? null : $"The stage's evidence is not all recorded: still missing {string.Join(" and ", missing)}.";
    }
}

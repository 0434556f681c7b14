using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Domain.Frameworks;

/// <summary>
/// A part of a framework providers are admitted to: by client group, support type and locality
/// (each optional; the codes are the reference terms the directory filters use, the localities
/// the framework's authority's). Each admitted provider is a <see cref="LotMember"/>. Made and
/// changed through its <see cref="Framework"/>.
/// </summary>
public sealed class Lot
{
    public const int MaxTitleLength = 200;

    private readonly List<LotMember> _members = [];

    private Lot()
    {
    }

    internal Lot(Guid frameworkId, int number, string title, string? supportType, string? clientGroup, IEnumerable<Guid> localityIds)
    {
        FrameworkId = frameworkId;
        Number = number;
        Title = title;
        SupportType = supportType;
        ClientGroup = clientGroup;
        LocalityIds = localityIds.Distinct().ToList();
    }

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid FrameworkId { get; private set; }

    /// <summary>1, 2, 3 … within the framework.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Support-type reference term code, or null for any.</summary>
    public string? SupportType { get; private set; }

    /// <summary>Client-group reference term code, or null for anyone.</summary>
    public string? ClientGroup { get; private set; }

    /// <summary>Localities of the framework's authority the lot covers; empty for all of them.</summary>
    public List<Guid> LocalityIds { get; private set; } = [];

    public IReadOnlyList<LotMember> Members => _members;

    public string Name => $"Lot {Number}: {Title}";

    public static string? TitleProblem(string? title) =>
        PlainText.Problem(title, "The title", MaxTitleLength, PlainText.Kind.Line, "Enter the lot's title.");

    /// <summary>Why <paramref name="providerName"/> cannot be admitted, by their standing on the lot; null when they can.</summary>
    public string? AdmissionProblem(Guid providerId, string providerName) =>
        _members.FirstOrDefault(m => m.ProviderId == providerId) is not { } existing ? null : existing.Status switch
        {
            LotMemberStatus.Admitted => $"{providerName} is already on lot {Number} (admitted {existing.AdmittedOn:d MMMM yyyy}).",
            LotMemberStatus.Suspended => $"{providerName} is already on lot {Number}, suspended: reinstate them instead.",
            _ => $"{providerName} was withdrawn from lot {Number}. A withdrawal is final; a later round of the framework can admit them again.",
        };

    internal LotMember Admit(Guid providerId, string providerName, DateOnly on, (int Pence, RateUnit Unit)? rate, Guid? roundId, DateTimeOffset at, string by)
    {
        if (AdmissionProblem(providerId, providerName) is { } problem) throw new FrameworkRuleException(problem, nameof(LotMember.ProviderId));
        if (rate is { } r && Framework.RateProblem(r.Pence) is { } rateProblem) throw new FrameworkRuleException(rateProblem, nameof(LotRate.AmountPence));
        var member = new LotMember(Id, providerId, on, rate, roundId, at, by);
        _members.Add(member);
        return member;
    }
}

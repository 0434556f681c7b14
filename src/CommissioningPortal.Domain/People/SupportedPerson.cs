using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.People;

/// <summary>
/// A person who receives Self-directed Support from an authority. Started by a practitioner with
/// what an agreement needs; the person's own journey will extend it. Their portal accounts (their
/// own, and a representative's) are linked so they can see and accept their agreements.
/// </summary>
public sealed class SupportedPerson : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AuthorityId { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }

    /// <summary>The person's portal account, when they have one.</summary>
    public string? UserId { get; set; }

    public string? RepresentativeName { get; set; }

    /// <summary>E.g. "mother", "guardian", "power of attorney".</summary>
    public string? RepresentativeRelationship { get; set; }

    public string? RepresentativeUserId { get; set; }

    /// <summary>The linked representative has the power to sign for the person (guardian, attorney, or the person's say-so).</summary>
    public bool RepresentativeMaySign { get; set; }

    /// <summary>Who linked the representative's account (the person themself, or a practitioner, recorded) and when.</summary>
    public string? RepresentativeLinkedBy { get; set; }

    public DateTimeOffset? RepresentativeLinkedAt { get; set; }

    /// <summary>Invitations sent to join the portal, while the person or representative has no account.</summary>
    public string? PersonInvitedEmail { get; set; }

    public string? RepresentativeInvitedEmail { get; set; }

    /// <summary>What matters to the person, one outcome per line, in their words.</summary>
    public string Outcomes { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<string> OutcomeList => Outcomes.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

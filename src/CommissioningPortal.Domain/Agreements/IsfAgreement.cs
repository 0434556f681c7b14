using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Agreements;

/// <summary>
/// A three-way Individual Service Fund agreement between a supported person (or their
/// representative), a provider and an authority. Its life is an <c>isf-agreement</c> process; each
/// change of terms is a new <see cref="IsfAgreementVersion"/>, and every earlier version stays.
/// </summary>
public sealed class IsfAgreement : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Shown on every page of the PDF, e.g. GLE-ISF-0007.</summary>
    public required string Reference { get; set; }

    public Guid AuthorityId { get; set; }
    public Guid SupportedPersonId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid WorkflowInstanceId { get; set; }

    /// <summary>The version being offered or in force.</summary>
    public int CurrentVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One version of the terms, immutable once offered: the exact PDF offered (and its SHA-256), the
/// acceptances of it, and once authorised the final PDF carrying the acceptance record.
/// </summary>
public sealed class IsfAgreementVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgreementId { get; set; }
    public int Number { get; set; }

    /// <summary>The terms as JSON (<see cref="AgreementTerms"/>), so the version can always be re-read.</summary>
    public required string TermsJson { get; set; }

    /// <summary>Plain summary of what changed from the previous version; null for version 1.</summary>
    public string? ChangeSummary { get; set; }

    public Guid? TemplateId { get; set; }
    public required byte[] OfferedPdf { get; set; }
    public required string OfferedSha256 { get; set; }
    public byte[]? FinalPdf { get; set; }
    public string? FinalSha256 { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? AuthorisedAt { get; set; }

    /// <summary>A later version was authorised, or this one was withdrawn before it was.</summary>
    public bool Superseded { get; set; }
}

public enum AgreementParty
{
    Person,
    Representative,
    Provider,
    Authority,
}

/// <summary>Who accepted which exact bytes, and when.</summary>
public sealed class IsfAcceptance
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid VersionId { get; set; }
    public AgreementParty Party { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>SHA-256 (lower-case hex) of the offered PDF the party accepted.</summary>
    public required string Sha256 { get; set; }
}

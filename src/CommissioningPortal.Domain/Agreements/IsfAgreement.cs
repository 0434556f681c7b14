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

    /// <summary>When notice to end was given: the last day of the agreement (after the notice period).</summary>
    public DateOnly? EndsOn { get; set; }

    /// <summary>Why it was ended, as the party ending it said.</summary>
    public string? EndReason { get; set; }

    public string? EndedBy { get; set; }
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

    /// <summary>Why the practitioner varied the agreement, in their words; null for version 1.</summary>
    public string? ChangeReason { get; set; }

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

    /// <summary>When the practitioner withdrew this offer before it was authorised, and why.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnReason { get; set; }

    /// <summary>Whether the three parties have accepted exactly this version's offered bytes (person or representative, provider, authority).</summary>
    public bool FullyAcceptedBy(IEnumerable<IsfAcceptance> acceptances)
    {
        var mine = acceptances.Where(a => a.VersionId == Id && string.Equals(a.Sha256, OfferedSha256, StringComparison.OrdinalIgnoreCase)).Select(a => a.Party).ToHashSet();
        return (mine.Contains(AgreementParty.Person) || mine.Contains(AgreementParty.Representative))
               && mine.Contains(AgreementParty.Provider) && mine.Contains(AgreementParty.Authority);
    }
}

/// <summary>How a party accepted: in the portal, or on paper (signed and scanned, recorded by the practitioner).</summary>
public enum AcceptanceMethod
{
    Portal,
    Paper,
}

/// <summary>A party opened a version's offered PDF: acceptance binds to exactly the bytes they were given.</summary>
public sealed class IsfDocumentOpening
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid VersionId { get; set; }
    public required string UserId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>SHA-256 of the bytes the party was sent.</summary>
    public required string Sha256 { get; set; }
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

    public AcceptanceMethod Method { get; set; } = AcceptanceMethod.Portal;

    /// <summary>For a signature on paper: the practitioner who recorded it.</summary>
    public string? RecordedBy { get; set; }

    /// <summary>For a signature on paper: the scan of the signed pages.</summary>
    public byte[]? Scan { get; set; }

    public string? ScanFileName { get; set; }
}

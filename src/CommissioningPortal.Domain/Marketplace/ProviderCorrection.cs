using CommissioningPortal.Domain.Common;

namespace CommissioningPortal.Domain.Marketplace;

public enum CorrectionStatus
{
    Open = 0,
    Resolved = 1,
}

/// <summary>
/// "Improve this listing": something a member of the public says is wrong on a provider's
/// profile, queued for the provider, who fixes their listing and marks it resolved with a note.
/// </summary>
public sealed class ProviderCorrection : IVersioned
{
    public const int MaxTextLength = 2000;
    public const int MaxNoteLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProviderId { get; set; }

    /// <summary>What the person says is wrong, in their words.</summary>
    public required string WhatIsWrong { get; set; }

    /// <summary>Where to reply, if the person wants a reply.</summary>
    public string? ReplyEmail { get; set; }

    public CorrectionStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? ResolutionNote { get; set; }
    public int Version { get; set; }

    public void Resolve(string by, DateTimeOffset at, string note)
    {
        if (string.IsNullOrWhiteSpace(note)) throw new ArgumentException("Say what you did about it.", nameof(note));
        if (Status == CorrectionStatus.Resolved) throw new InvalidOperationException("This correction is already resolved.");
        Status = CorrectionStatus.Resolved;
        ResolvedBy = by;
        ResolvedAt = at;
        ResolutionNote = note.Trim();
    }
}

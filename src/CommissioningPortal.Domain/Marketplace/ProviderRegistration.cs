using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Domain.Marketplace;

/// <summary>The steps of the registration wizard, in order.</summary>
public enum RegistrationStep
{
    Kind = 0,
    About = 1,
    Contact = 2,
    Passport = 3,
    Check = 4,
}

/// <summary>
/// A provider's registration while it is being written: saved as the person goes, resumable, and
/// turned into a <see cref="Provider"/> (with its passport items) only when they submit it, so the
/// directory never sees half a registration.
/// </summary>
public sealed class ProviderRegistration : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The signed-in user registering (one draft each).</summary>
    public required string UserId { get; set; }

    public ProviderKind? Kind { get; private set; }
    public string? Name { get; set; }
    public string? Summary { get; set; }
    public string? Website { get; set; }

    /// <summary>Micro-providers: how many people work in it (five or fewer).</summary>
    public int? WorkerCount { get; set; }

    public string? ContactEmail { get; set; }
    public string? Phone { get; set; }
    public string? AddressLine { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }

    /// <summary>Steps finished, as bits of <see cref="RegistrationStep"/>.</summary>
    public int CompletedSteps { get; private set; }

    public List<ProviderRegistrationItem> Items { get; set; } = [];

    /// <summary>The provider created on submission; null while a draft.</summary>
    public Guid? ProviderId { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public static IReadOnlyList<RegistrationStep> Steps { get; } = Enum.GetValues<RegistrationStep>();

    public bool IsComplete(RegistrationStep step) => (CompletedSteps & (1 << (int)step)) != 0;

    public void Complete(RegistrationStep step) => CompletedSteps |= 1 << (int)step;

    public void Uncomplete(RegistrationStep step) => CompletedSteps &= ~(1 << (int)step);

    /// <summary>Where a person coming back lands: the first step not finished (the check page when all are).</summary>
    public RegistrationStep FirstUnfinished() =>
        Steps.Where(s => s != RegistrationStep.Check).FirstOrDefault(s => !IsComplete(s), RegistrationStep.Check);

    /// <summary>A step can be opened once every step before it is finished.</summary>
    public bool CanOpen(RegistrationStep step) => Steps.Where(s => s < step).All(IsComplete);

    /// <summary>Changing the kind changes the questions: the later steps must be looked at again.</summary>
    public void ChangeKind(ProviderKind kind)
    {
        if (Kind == kind) return;
        Kind = kind;
        CompletedSteps = 0;
        Items.RemoveAll(i => !ProviderVerification.RequiredFor(kind).Contains(i.Kind));
    }

    /// <summary>What was typed for one of the passport items the kind needs (evidence comes later, on the passport page).</summary>
    public void RecordItem(PassportItemKind kind, string? number, string? details, DateOnly? expiresOn)
    {
        if (Kind is not { } providerKind || !ProviderVerification.RequiredFor(providerKind).Contains(kind))
        {
            throw new InvalidOperationException($"A {Kind} does not need a {kind} in its passport.");
        }
        var item = Items.FirstOrDefault(i => i.Kind == kind);
        if (item is null)
        {
            item = new ProviderRegistrationItem { RegistrationId = Id, Kind = kind };
            Items.Add(item);
        }
        item.Number = number;
        item.Details = details;
        item.ExpiresOn = expiresOn;
    }

    /// <summary>Makes the provider and its (unverified) passport items from the finished draft.</summary>
    public (Provider Provider, List<PassportItem> Items) Submit(DateTimeOffset at)
    {
        if (Kind is not { } kind || string.IsNullOrWhiteSpace(Name) || !Steps.Where(s => s != RegistrationStep.Check).All(IsComplete))
        {
            throw new InvalidOperationException("The registration is not finished.");
        }
        var provider = new Provider
        {
            Name = Name.Trim(), Kind = kind, Summary = Summary, Website = Website, ContactEmail = ContactEmail, Phone = Phone,
            AddressLine = AddressLine, Town = Town, Postcode = Postcode, CreatedAt = at,
        };
        var items = Items.Select(i => new PassportItem
        {
            ProviderId = provider.Id, Kind = i.Kind, Number = i.Number, Details = i.Details, ExpiresOn = i.ExpiresOn,
            CreatedAt = at,
        }).ToList();
        ProviderId = provider.Id;
        SubmittedAt = at;
        Complete(RegistrationStep.Check);
        return (provider, items);
    }
}

/// <summary>A passport item as typed in the wizard (evidence is uploaded on the passport page).</summary>
public sealed class ProviderRegistrationItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RegistrationId { get; set; }
    public PassportItemKind Kind { get; set; }
    public string? Number { get; set; }
    public string? Details { get; set; }
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>An invitation for a colleague to join an organisation's provider account.</summary>
public sealed class ProviderInvitation
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(14);

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ProviderId { get; set; }
    public required string Email { get; set; }

    /// <summary>SHA-256 of the token in the link (the token itself is only in the e-mail).</summary>
    public required string TokenHash { get; set; }

    public string? InvitedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? AcceptedByUserId { get; private set; }

    /// <summary>When the organisation withdrew the invitation (or replaced it by sending a new one); its link no longer works.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsOpenAt(DateTimeOffset now) => AcceptedAt is null && WithdrawnAt is null && now < ExpiresAt;

    /// <summary>"Joined 3 Nov 2026", "Waiting", "Withdrawn" or "Expired".</summary>
    public string StatusAt(DateTimeOffset now) =>
        AcceptedAt is { } at ? $"Joined {at:d MMM yyyy}" : WithdrawnAt is not null ? "Withdrawn" : now < ExpiresAt ? "Waiting" : "Expired";

    /// <summary>The invited person, signed in as <paramref name="userId"/>, joins at <paramref name="at"/>; only while the invitation is open.</summary>
    public void Accept(string userId, DateTimeOffset at)
    {
        if (!IsOpenAt(at)) throw new InvalidOperationException("The invitation is not open.");
        AcceptedAt = at;
        AcceptedByUserId = userId;
    }

    /// <summary>Stops the link working. Only an invitation not yet accepted or withdrawn can be withdrawn.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        if (AcceptedAt is not null) throw new InvalidOperationException("The invitation has been accepted.");
        WithdrawnAt ??= now;
    }

    /// <summary>Only organisations have colleagues; a Personal Assistant or a gym's listing is one person's.</summary>
    public static bool CanInvite(ProviderKind kind) => kind is ProviderKind.RegisteredOrganisation or ProviderKind.MicroProvider;
}

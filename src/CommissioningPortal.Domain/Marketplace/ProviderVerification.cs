using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Domain.Marketplace;

/// <summary>
/// When a provider counts as "verified": every passport item its kind requires is verified and
/// not expired. Proportionate, as the CCPS guidance on off-framework providers asks: a gym needs
/// insurance, a Personal Assistant needs PVG and insurance, a registered organisation needs its
/// Care Inspectorate registration, both insurances and its charity or company number.
/// </summary>
public static class ProviderVerification
{
    public static IReadOnlyList<PassportItemKind> RequiredFor(ProviderKind kind) => kind switch
    {
        ProviderKind.RegisteredOrganisation =>
        [
            PassportItemKind.CareInspectorateRegistration, PassportItemKind.PublicLiability,
            PassportItemKind.EmployersLiability, PassportItemKind.CharityOrCompanyNumber,
        ],
        ProviderKind.MicroProvider => [PassportItemKind.Pvg, PassportItemKind.PublicLiability],
        ProviderKind.PersonalAssistant => [PassportItemKind.Pvg, PassportItemKind.PublicLiability],
        ProviderKind.NonCareSupplier => [PassportItemKind.PublicLiability],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Whether the provider is verified on <paramref name="today"/>.</summary>
    public static bool IsVerified(ProviderKind kind, IEnumerable<PassportItem> items, DateOnly today)
    {
        var list = items as IReadOnlyCollection<PassportItem> ?? items.ToList();
        return RequiredFor(kind).All(required => list.Any(i => i.Kind == required && i.IsValidOn(today)));
    }

    /// <summary>
    /// The last day the provider stays verified as things stand (what the directory stores, so
    /// "verified only" is one indexed comparison), or null if it is not verified on
    /// <paramref name="today"/>. <see cref="DateOnly.MaxValue"/> when nothing required expires.
    /// </summary>
    public static DateOnly? VerifiedThrough(ProviderKind kind, IEnumerable<PassportItem> items, DateOnly today)
    {
        var list = items as IReadOnlyCollection<PassportItem> ?? items.ToList();
        if (!IsVerified(kind, list, today)) return null;
        var through = DateOnly.MaxValue;
        foreach (var required in RequiredFor(kind))
        {
            // The longest-lasting valid item of each kind counts; the provider lapses with the first kind to run out.
            var best = list.Where(i => i.Kind == required && i.IsValidOn(today))
                .Max(i => i.ExpiresOn is { } e ? e.AddDays(-1) : DateOnly.MaxValue);
            if (best < through) through = best;
        }
        return through;
    }

    /// <summary>Recomputes the provider's stored verification after its items changed, and its services' copy.</summary>
    public static void Refresh(Provider provider, IEnumerable<PassportItem> items, DateOnly today, IEnumerable<Service>? services = null)
    {
        provider.VerifiedThrough = VerifiedThrough(provider.Kind, items, today);
        foreach (var service in services ?? []) service.ProviderVerifiedThrough = provider.VerifiedThrough;
    }
}

using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using Xunit;

namespace CommissioningPortal.Tests.Marketplace;

/// <summary>When a provider counts as verified: every required item verified and not expired on the day.</summary>
public sealed class ProviderVerificationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static PassportItem Item(PassportItemKind kind, PassportItemStatus status = PassportItemStatus.Verified, DateOnly? expires = null)
    {
        var item = new PassportItem { Kind = kind, ExpiresOn = status == PassportItemStatus.Expired ? expires ?? Today : expires };
        if (status == PassportItemStatus.Verified) item.Verify("Fiona MacLeod", Now);
        else if (status == PassportItemStatus.Rejected) item.Reject("Fiona MacLeod", Now, "Wrong name on the certificate");
        else if (status == PassportItemStatus.Expired) item.Expire(Today);
        return item;
    }

    [Fact]
    public void A_personal_assistant_with_verified_pvg_and_insurance_is_verified_until_the_day_before_the_insurance_expires()
    {
        PassportItem[] items = [Item(PassportItemKind.Pvg), Item(PassportItemKind.PublicLiability, expires: Today.AddDays(10))];
        Assert.True(ProviderVerification.IsVerified(ProviderKind.PersonalAssistant, items, Today));
        Assert.True(ProviderVerification.IsVerified(ProviderKind.PersonalAssistant, items, Today.AddDays(9)));
        Assert.False(ProviderVerification.IsVerified(ProviderKind.PersonalAssistant, items, Today.AddDays(10))); // expires on the day
        Assert.Equal(Today.AddDays(9), ProviderVerification.VerifiedThrough(ProviderKind.PersonalAssistant, items, Today));
    }

    [Fact]
    public void A_missing_unverified_rejected_or_expired_required_item_means_not_verified()
    {
        Assert.False(ProviderVerification.IsVerified(ProviderKind.PersonalAssistant, [Item(PassportItemKind.Pvg)], Today));
        Assert.False(ProviderVerification.IsVerified(ProviderKind.PersonalAssistant,
            [Item(PassportItemKind.Pvg), Item(PassportItemKind.PublicLiability, PassportItemStatus.Unverified)], Today));
        Assert.False(ProviderVerification.IsVerified(ProviderKind.PersonalAssistant,
            [Item(PassportItemKind.Pvg), Item(PassportItemKind.PublicLiability, PassportItemStatus.Rejected)], Today));
        Assert.False(ProviderVerification.IsVerified(ProviderKind.PersonalAssistant,
            [Item(PassportItemKind.Pvg), Item(PassportItemKind.PublicLiability, PassportItemStatus.Expired)], Today));
        Assert.Null(ProviderVerification.VerifiedThrough(ProviderKind.PersonalAssistant, [Item(PassportItemKind.Pvg)], Today));
    }

    [Fact]
    public void Optional_items_do_not_count_and_a_renewed_item_keeps_the_provider_verified()
    {
        // A non-care supplier needs only public liability; a Real Living Wage commitment is welcome but not required.
        Assert.False(ProviderVerification.IsVerified(ProviderKind.NonCareSupplier, [Item(PassportItemKind.RealLivingWage)], Today));
        PassportItem[] renewed =
        [
            Item(PassportItemKind.PublicLiability, expires: Today.AddDays(-1)),
            Item(PassportItemKind.PublicLiability, expires: Today.AddDays(365)),
        ];
        Assert.True(ProviderVerification.IsVerified(ProviderKind.NonCareSupplier, renewed, Today));
        Assert.Equal(Today.AddDays(364), ProviderVerification.VerifiedThrough(ProviderKind.NonCareSupplier, renewed, Today));
    }

    [Fact]
    public void A_registered_organisation_needs_registration_both_insurances_and_its_charity_or_company_number()
    {
        var all = new List<PassportItem>
        {
            Item(PassportItemKind.CareInspectorateRegistration), Item(PassportItemKind.PublicLiability, expires: Today.AddDays(30)),
            Item(PassportItemKind.EmployersLiability, expires: Today.AddDays(60)), Item(PassportItemKind.CharityOrCompanyNumber),
        };
        Assert.True(ProviderVerification.IsVerified(ProviderKind.RegisteredOrganisation, all, Today));
        Assert.Equal(Today.AddDays(29), ProviderVerification.VerifiedThrough(ProviderKind.RegisteredOrganisation, all, Today));
        all.RemoveAt(3);
        Assert.False(ProviderVerification.IsVerified(ProviderKind.RegisteredOrganisation, all, Today));
    }

    [Fact]
    public void Refresh_stores_the_result_on_the_provider_and_its_services()
    {
        var provider = new Provider { Name = "Morag Campbell", Kind = ProviderKind.PersonalAssistant };
        var service = new Service { Name = "PA", Description = "Help at home" };
        ProviderVerification.Refresh(provider, [Item(PassportItemKind.Pvg), Item(PassportItemKind.PublicLiability)], Today, [service]);
        Assert.Equal(DateOnly.MaxValue, provider.VerifiedThrough);
        Assert.Equal(DateOnly.MaxValue, service.ProviderVerifiedThrough);
        Assert.True(provider.IsVerifiedOn(Today.AddYears(50)));
    }

    [Fact]
    public void Rejecting_needs_a_reason_and_capacity_goes_stale_after_thirty_days()
    {
        Assert.Throws<ArgumentException>(() => new PassportItem().Reject("Fiona", Now, " "));
        var service = new Service { Name = "PA", Description = "Help at home" };
        service.ConfirmCapacity(10, null, Now);
        Assert.True(service.HasCapacityOn(Today));
        Assert.False(service.IsCapacityStale(Now.AddDays(30)));
        Assert.True(service.IsCapacityStale(Now.AddDays(31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => service.ConfirmCapacity(200, null, Now));
    }

    [Fact]
    public void Reindex_makes_a_tag_per_filterable_value_and_drops_old_ones()
    {
        var provider = new Provider { Name = "Bright Steps Care", Kind = ProviderKind.RegisteredOrganisation };
        var locality = Guid.NewGuid();
        var service = new Service
        {
            Name = "Care at home", Description = "Help at home", SupportTypes = ["care-at-home"], ClientGroups = ["dementia"], Languages = ["en", "gd"],
        };
        service.CoverLocalities([(Guid.NewGuid(), locality)]);
        service.Reindex(provider);
        Assert.Contains(service.Tags, t => t.Tag == "st:care-at-home");
        Assert.Contains(service.Tags, t => t.Tag == ServiceTag.ForLocality(locality));
        Assert.Contains("scottish gaelic", service.SearchText);
        service.ClientGroups = ["older-people"];
        service.Reindex(provider);
        Assert.DoesNotContain(service.Tags, t => t.Tag == "cg:dementia");
        Assert.Contains(service.Tags, t => t.Tag == "cg:older-people");
    }
}

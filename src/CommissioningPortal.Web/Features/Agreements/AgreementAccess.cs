using System.Security.Claims;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.People;

namespace CommissioningPortal.Web.Features.Agreements;

/// <summary>Who may see an agreement, and in which party's name the user accepts it.</summary>
public static class AgreementAccess
{
    public static string? UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool IsStaffOf(ClaimsPrincipal user, IsfAgreement agreement) =>
        Roles.AuthorityStaff.Any(user.IsInRole) && user.AuthorityIdOf() == agreement.AuthorityId;

    public static bool IsProviderOf(ClaimsPrincipal user, IsfAgreement agreement) =>
        user.IsInRole(Roles.ProviderUser) && user.ProviderIdOf() == agreement.ProviderId;

    /// <summary>The person themself or their linked representative.</summary>
    public static AgreementParty? PersonPartyOf(ClaimsPrincipal user, SupportedPerson person) =>
        UserIdOf(user) is not { } id ? null
        : person.UserId == id ? AgreementParty.Person
        : person.RepresentativeUserId == id ? AgreementParty.Representative
        : null;

    /// <summary>
    /// The three parties only: the authority's staff, the provider's users, the person and their representative.
    /// Not the portal's administrators: they run authorities, content and accounts (DESIGN.md), and an agreement
    /// is special-category personal data about someone's care.
    /// </summary>
    public static bool MaySee(ClaimsPrincipal user, IsfAgreement agreement, SupportedPerson person) =>
        IsStaffOf(user, agreement) || IsProviderOf(user, agreement) || PersonPartyOf(user, person) is not null;
}

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

    public static bool MaySee(ClaimsPrincipal user, IsfAgreement agreement, SupportedPerson person) =>
        user.IsInRole(Roles.Administrator) || IsStaffOf(user, agreement) || IsProviderOf(user, agreement) || PersonPartyOf(user, person) is not null;
}

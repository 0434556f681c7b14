using CommissioningPortal.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>Authorisation policies, per role and per authority.</summary>
public static class Policies
{
    public const string Administrator = nameof(Administrator);
    public const string AuthorityStaff = nameof(AuthorityStaff);

    /// <summary>Staff of the authority named by the route value <c>{authority}</c> (its code).</summary>
    public const string SameAuthority = nameof(SameAuthority);

    /// <summary>Commissioners of the route's authority: its admin pages.</summary>
    public const string AuthorityAdmin = nameof(AuthorityAdmin);

    public const string ProviderUser = nameof(ProviderUser);
    public const string Person = nameof(Person);
    public const string PanelMember = nameof(PanelMember);

    public static void AddPortalPolicies(this AuthorizationBuilder auth) => auth
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(AuthorityStaff, p => p.RequireRole(Roles.AuthorityStaff).RequireClaim(PortalClaims.AuthorityCode))
        .AddPolicy(SameAuthority, p => p.RequireRole(Roles.AuthorityStaff).AddRequirements(new SameAuthorityRequirement()))
        .AddPolicy(AuthorityAdmin, p => p.RequireRole(Roles.Commissioner).AddRequirements(new SameAuthorityRequirement()))
        .AddPolicy(ProviderUser, p => p.RequireRole(Roles.ProviderUser).RequireClaim(PortalClaims.ProviderId))
        .AddPolicy(Person, p => p.RequireRole(Roles.SupportedPerson, Roles.Representative))
        .AddPolicy(PanelMember, p => p.RequireRole(Roles.PanelMember));
}

/// <summary>The signed-in user's authority must be the one named in the route.</summary>
public sealed class SameAuthorityRequirement : IAuthorizationRequirement;

internal sealed class SameAuthorityHandler(IHttpContextAccessor http) : AuthorizationHandler<SameAuthorityRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SameAuthorityRequirement requirement)
    {
        var routeCode = http.HttpContext?.GetRouteValue("authority") as string;
        var userCode = context.User.AuthorityCodeOf();
        if (routeCode is not null && userCode is not null && string.Equals(routeCode, userCode, StringComparison.OrdinalIgnoreCase))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

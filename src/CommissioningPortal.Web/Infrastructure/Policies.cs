using CommissioningPortal.Domain.Identity;

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

    /// <summary>Commissioners of the route's authority only (not administrators): its opportunities, which are the authority's procurement.</summary>
    public const string AuthorityCommissioner = nameof(AuthorityCommissioner);

    public const string ProviderUser = nameof(ProviderUser);

    /// <summary>Commissioners, for their own authority's pages with no authority in the route (e.g. /frameworks).</summary>
    public const string Commissioner = nameof(Commissioner);
    public const string Person = nameof(Person);
    public const string PanelMember = nameof(PanelMember);

    /// <summary>Checks providers' passports: commissioners of any authority (the passport is national) and administrators.</summary>
    public const string Verifier = nameof(Verifier);
    /// <summary>People who keep a shortlist of providers: supported people, representatives, practitioners.</summary>
    public const string Shortlist = nameof(Shortlist);

    /// <summary>Practitioners of an authority: their people, records and requests.</summary>
    public const string Practitioner = nameof(Practitioner);

    public static void AddPortalPolicies(this AuthorizationBuilder auth) => auth
        .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
        .AddPolicy(AuthorityStaff, p => p.RequireRole(Roles.AuthorityStaff).RequireClaim(PortalClaims.AuthorityCode))
        .AddPolicy(SameAuthority, p => p.RequireAuthenticatedUser().AddRequirements(new SameAuthorityRequirement(Roles.AuthorityStaff)))
        .AddPolicy(AuthorityAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new SameAuthorityRequirement([Roles.Commissioner])))
        .AddPolicy(AuthorityCommissioner, p => p.RequireAuthenticatedUser().AddRequirements(new SameAuthorityRequirement([Roles.Commissioner], administratorsPass: false)))
        .AddPolicy(Commissioner, p => p.RequireRole(Roles.Commissioner).RequireClaim(PortalClaims.AuthorityId))
        .AddPolicy(ProviderUser, p => p.RequireRole(Roles.ProviderUser).RequireClaim(PortalClaims.ProviderId))
        .AddPolicy(Person, p => p.RequireRole(Roles.SupportedPerson, Roles.Representative))
        .AddPolicy(PanelMember, p => p.RequireRole(Roles.PanelMember))
        .AddPolicy(Verifier, p => p.RequireRole(Roles.Commissioner, Roles.Administrator))
        .AddPolicy(Shortlist, p => p.RequireRole(Roles.SupportedPerson, Roles.Representative, Roles.Practitioner))
        .AddPolicy(Practitioner, p => p.RequireRole(Roles.Practitioner).RequireClaim(PortalClaims.AuthorityId));
}

/// <summary>
/// The signed-in user holds one of <see cref="Roles"/> in the authority named by the route value
/// <c>{authority}</c>. Administrators (portal staff) pass for every authority.
/// </summary>
public sealed class SameAuthorityRequirement(IReadOnlyList<string> roles, bool administratorsPass = true) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;

    /// <summary>Whether portal administrators pass for every authority (true unless the policy says otherwise).</summary>
    public bool AdministratorsPass { get; } = administratorsPass;
}

internal sealed class SameAuthorityHandler(IHttpContextAccessor http) : AuthorizationHandler<SameAuthorityRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SameAuthorityRequirement requirement)
    {
        if (requirement.AdministratorsPass && context.User.IsInRole(Domain.Identity.Roles.Administrator))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var routeCode = http.HttpContext?.GetRouteValue("authority") as string;
        var userCode = context.User.AuthorityCodeOf();
        if (routeCode is not null && userCode is not null &&
            string.Equals(routeCode, userCode, StringComparison.OrdinalIgnoreCase) &&
            requirement.Roles.Any(context.User.IsInRole))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

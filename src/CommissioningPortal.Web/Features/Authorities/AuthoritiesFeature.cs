using CommissioningPortal.Domain.Identity;

namespace CommissioningPortal.Web.Features.Authorities;

/// <summary>An authority's home for its staff (<c>/authority</c>) and its settings for commissioners.</summary>
public static class AuthoritiesFeature
{
    public static WebApplicationBuilder AddAuthoritiesFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SetAuthorityPolicies>();
        return builder.AddNavigation(new NavigationItem("/authority", "Your authority", 30) { Roles = Roles.AuthorityStaff });
    }
}

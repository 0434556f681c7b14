using CommissioningPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Xunit;

namespace CommissioningPortal.Tests.Unit;

/// <summary>Links in e-mails must open from a mail client: absolute whether or not Portal:PublicBaseUrl is set.</summary>
public sealed class PublicLinksTests
{
    private static PublicLinks Links(string? configured, string? requestHost)
    {
        var accessor = new HttpContextAccessor();
        if (requestHost is not null)
        {
            var context = new DefaultHttpContext();
            context.Request.Scheme = "https";
            context.Request.Host = new HostString(requestHost);
            accessor.HttpContext = context;
        }
        return new PublicLinks(Options.Create(new PortalOptions { PublicBaseUrl = configured }), accessor);
    }

    [Fact]
    public void Without_a_configured_address_links_use_the_request_that_caused_the_mail() =>
        Assert.Equal("https://portal.example.scot/agreements/42", Links("", "portal.example.scot").To("/agreements/42"));

    [Fact]
    public void A_configured_address_wins_and_loses_its_trailing_slash() =>
        Assert.Equal("https://sds.example.gov.scot/provider/passport", Links("https://sds.example.gov.scot/", "127.0.0.1:5000").To("/provider/passport"));

    [Fact]
    public void A_background_job_uses_the_configured_address() =>
        Assert.Equal("https://sds.example.gov.scot/provider/passport", Links("https://sds.example.gov.scot", null).To("/provider/passport"));
}

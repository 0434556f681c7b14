using CommissioningPortal.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit;

namespace CommissioningPortal.Tests.Unit;

/// <summary>Links in e-mails come from configuration only (issue 12: a request's Host header must never reach an e-mail).</summary>
public sealed class PublicLinksTests
{
    private static PublicLinks Links(string? configured) => new(Options.Create(new PortalOptions { PublicBaseUrl = configured }));

    [Fact]
    public void A_configured_address_is_used_without_its_trailing_slash() =>
        Assert.Equal("https://sds.example.gov.scot/provider/passport", Links("https://sds.example.gov.scot/").To("/provider/passport"));

    [Fact]
    public void Without_one_in_development_links_go_to_the_address_dotnet_run_listens_on() =>
        Assert.Equal("http://127.0.0.1:5080/agreements/42", Links("").To("/agreements/42"));
}

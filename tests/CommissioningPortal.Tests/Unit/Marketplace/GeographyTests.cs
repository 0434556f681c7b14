using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.OpenReferral;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Marketplace;

public sealed class GeographyTests
{
    [Theory]
    [InlineData("PH22 1QX", "PH22")]
    [InlineData("ph221qx", "PH22")]
    [InlineData(" IV2 3AB ", "IV2")]
    [InlineData("IV23AB", "IV2")]
    [InlineData("EH1 1YZ", "EH1")]
    [InlineData("G1 1XQ", "G1")]
    [InlineData("KA1", "KA1")]
    [InlineData("TD15 2AB", "TD15")]
    public void A_postcode_or_its_first_half_gives_its_district(string postcode, string district) =>
        Assert.Equal(district, Geography.DistrictOf(postcode));

    [Theory]
    [InlineData("not a postcode")]
    [InlineData("12345")]
    [InlineData("PH22 1Q")]
    [InlineData("")]
    public void Anything_else_is_not_a_postcode(string text) => Assert.Null(Geography.DistrictOf(text));

    [Fact]
    public void Distances_are_great_circle_metres()
    {
        // Edinburgh to Glasgow city centres: about 67 km.
        Assert.InRange(Geography.Metres((55.9533, -3.1883), (55.8642, -4.2518)), 66_000, 68_000);
        Assert.Equal(0, Geography.Metres((57.0, -4.0), (57.0, -4.0)));
    }

    [Fact]
    public void A_district_stands_for_the_centre_of_the_localities_that_cover_it()
    {
        Locality[] localities =
        [
            new() { Code = "a", Name = "A", Latitude = 57, Longitude = -4, PostcodeDistricts = ["IV2"] },
            new() { Code = "b", Name = "B", Latitude = 58, Longitude = -5, PostcodeDistricts = ["IV2", "IV3"] },
            new() { Code = "c", Name = "C", PostcodeDistricts = ["IV4"] },
        ];
        Assert.Equal((57.5, -4.5), Geography.PointOf("IV2", localities));
        Assert.Equal((58.0, -5.0), Geography.PointOf("IV3", localities));
        Assert.Null(Geography.PointOf("IV4", localities)); // covered, but no centre given
        Assert.Null(Geography.PointOf("ZE1", localities));
    }
}

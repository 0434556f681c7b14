using System.Text.RegularExpressions;
using CommissioningPortal.Domain.Tenancy;

namespace CommissioningPortal.Web.Features.OpenReferral;

/// <summary>
/// What "near a postcode" means here (ADR 0011). The portal does not geocode postcodes: each
/// locality lists the postcode districts it covers and has a centre. A postcode is in a locality
/// when its district is listed; its point is that locality's centre (the mean when several list
/// it); a distance is between two locality centres, great-circle, in metres.
/// </summary>
public static partial class Geography
{
    /// <summary>A UK postcode, whole ("PH22 1QX", "ph221qx") or its first half ("PH22").</summary>
    [GeneratedRegex("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodePattern();

    /// <summary>The postcode district ("PH22") of a postcode, or null when it is not one.</summary>
    public static string? DistrictOf(string postcode)
    {
        var match = PostcodePattern().Match(postcode.Trim().ToUpperInvariant());
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The point a postcode district stands for, or null when no locality with a centre covers it.</summary>
    public static (double Latitude, double Longitude)? PointOf(string district, IEnumerable<Locality> localities)
    {
        var covering = localities.Where(l => l.HasCentre && l.Covers(district)).ToList();
        if (covering.Count == 0) return null;
        return (covering.Average(l => l.Latitude!.Value), covering.Average(l => l.Longitude!.Value));
    }

    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Great-circle distance (haversine) in metres.</summary>
    public static double Metres((double Latitude, double Longitude) a, (double Latitude, double Longitude) b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}

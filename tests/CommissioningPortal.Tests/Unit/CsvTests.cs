using CommissioningPortal.Web.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Unit;

public sealed class CsvTests
{
    [Fact]
    public void Quotes_commas_quotes_and_new_lines()
    {
        var csv = Csv.Write(["Name", "Note"], [["Reid, Jamie", "said \"hello\"\nthen left"]]);
        Assert.Equal("Name,Note\r\n\"Reid, Jamie\",\"said \"\"hello\"\"\nthen left\"\r\n", csv);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("+1")]
    [InlineData("@SUM(A1)")]
    public void Defuses_cells_a_spreadsheet_would_run_as_formulas(string cell) =>
        Assert.StartsWith("'", Csv.Escape(cell).TrimStart('"'));

    [Fact]
    public void Totp_matches_the_RFC_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits) → 287082 with 6 digits.
        var key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // base32 of "12345678901234567890"
        Assert.Equal("287082", CommissioningPortal.Web.Features.Account.Totp.Compute(key, DateTimeOffset.FromUnixTimeSeconds(59)));
    }
}

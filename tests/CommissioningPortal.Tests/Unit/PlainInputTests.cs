using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Common;
using CommissioningPortal.Web.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Unit;

/// <summary>Numbers that can be read only one way, amounts with a ceiling, text without hidden characters.</summary>
public sealed class PlainInputTests
{
    [Theory]
    [InlineData("15", 15)]
    [InlineData(" 2.5 ", 2.5)]
    [InlineData("1,250.50", 1250.50)]
    [InlineData("1,250,000", 1250000)]
    [InlineData("-40", -40)]
    [InlineData("0.05", 0.05)]
    [InlineData(".5", 0.5)]
    public void Plain_numbers_are_read(string typed, decimal expected)
    {
        Assert.True(FormInput.TryParseNumber(typed, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("12,50")]
    [InlineData("1,2345")]
    [InlineData("0x10")]
    [InlineData("1e3")]
    [InlineData("½")]
    [InlineData("١٢")] // Arabic-Indic digits
    [InlineData("1.2.3")]
    [InlineData("")]
    [InlineData("99999999999999999999999999999999")]
    public void Numbers_that_could_be_misread_are_refused(string typed) => Assert.False(FormInput.TryParseNumber(typed, out _));

    [Fact]
    public void A_decimal_comma_is_explained_with_the_expected_form() =>
        Assert.Equal("'1,5' could be read two ways: enter the hours like 1.5, with a full stop before any decimals",
            FormInput.NumberProblem("the hours", "1,5", "1.5"));

    [Theory]
    [InlineData("£19.25", 1925)]
    [InlineData("£1,250", 125000)]
    [InlineData("100000", 10_000_000)]
    public void Pounds_are_read_as_pence(string typed, int pence)
    {
        Assert.True(FormInput.TryParsePounds(typed, out var read));
        Assert.Equal(pence, read);
    }

    [Theory]
    [InlineData("100000.01")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1,5")]
    [InlineData("19.255")]
    [InlineData("-5")]
    public void Pounds_beyond_the_ceiling_or_not_plain_are_refused(string typed) => Assert.False(FormInput.TryParsePounds(typed, out _));

    [Theory]
    [InlineData("Swimming\0on Tuesday", "a null character")]
    [InlineData("Bell\u0007", "U+0007")]
    [InlineData("Marked \uFFFD here", "could not be read")]
    public void Text_with_a_control_character_is_refused_naming_it(string text, string named) =>
        Assert.Contains(named, PlainText.ParagraphsProblem("The text", text));

    [Fact]
    public void Text_may_have_tabs_and_line_breaks() => Assert.Null(PlainText.ParagraphsProblem("The text", "Line one\r\n\tLine two"));

    [Theory]
    [InlineData("GLN-\u200BSDS", "zero-width space")]
    [InlineData("GLN\u202ESDS", "right-to-left")]
    [InlineData("GLN-SDS\r\nX", "line break")]
    [InlineData("GLN\u00ADSDS", "soft hyphen")]
    public void Identifiers_with_invisible_characters_are_refused_naming_them(string identifier, string named) =>
        Assert.Contains(named, PlainText.IdentifierProblem("The reference", identifier));

    [Fact]
    public void A_plain_identifier_is_fine() => Assert.Null(PlainText.IdentifierProblem("The reference", "GLN-SDS-FW-2026 (lot 2)"));

    [Fact]
    public void A_ledger_entry_reports_every_problem_at_once()
    {
        var problems = LedgerEntry.Check(LedgerEntryKind.Delivery, 0m, 2_000m, null, "Visit\0");
        Assert.Equal(["hours", "hourlyRate", "narrative"], problems.Select(p => p.Field));
        Assert.Contains("£100,000.00", LedgerEntry.Check(LedgerEntryKind.TopUp, null, null, 100_000.01m, "Top-up").Single().Message);
        Assert.Contains("more than one entry", LedgerEntry.Check(LedgerEntryKind.Delivery, 600m, 200m, null, "A month").Single().Message);
    }
}

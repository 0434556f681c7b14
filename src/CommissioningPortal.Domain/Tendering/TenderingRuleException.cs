namespace CommissioningPortal.Domain.Tendering;

/// <summary>A tendering rule was broken; <see cref="Field"/> names the input it is about, when there is one.</summary>
public sealed class TenderingRuleException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}

/// <summary>Counting words the way a person reading a word limit would: runs of letters, digits and joiners between spaces.</summary>
public static class Words
{
    public static int Count(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; count++; }
        }
        return count;
    }
}

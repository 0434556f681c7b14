namespace CommissioningPortal.Themes.Saltire;

/// <summary>The Saltire theme: its name and its Liquid templates (embedded in this assembly).</summary>
public static class SaltireTheme
{
    public const string Name = "Saltire";

    public static string ReadLiquidTemplate(string name)
    {
        using var stream = typeof(SaltireTheme).Assembly.GetManifestResourceStream("Saltire.Liquid." + name)
                           ?? throw new InvalidOperationException($"The Saltire theme has no Liquid template '{name}'.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

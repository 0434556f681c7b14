using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;

namespace CommissioningPortal.Documents.Templates;

/// <summary>
/// How much one render of a Liquid template may do. A template is text someone typed (an authority's
/// agreement template), so a loop over a million numbers or a string doubled in a loop must stop
/// with a plain message instead of taking the server's memory and time. Steps (each tag, output and
/// loop iteration), the size of any list a loop makes and the nesting of blocks are counted by Fluid;
/// output (the document and every captured or filtered value) is capped by Fluid too; the time is
/// checked here against <see cref="Clock"/>.
/// </summary>
public sealed record TemplateLimits
{
    /// <summary>The limits every agreement template and content page renders under.</summary>
    public static TemplateLimits Default { get; } = new();

    /// <summary>Tags, outputs and loop iterations in one render (the default agreement takes about 400, or 900 with weekly payments).</summary>
    public int MaxSteps { get; init; } = 20_000;

    /// <summary>Characters of output, and of any one captured, assigned or filtered value (the default agreement merges to about 15,000, or 18,000 with weekly payments).</summary>
    public int MaxOutputCharacters { get; init; } = 250_000;

    /// <summary>Blocks inside blocks (an <c>if</c> in a <c>for</c> is 2).</summary>
    public int MaxNesting { get; init; } = 20;

    /// <summary>The characters a template itself may have.</summary>
    public int MaxTemplateCharacters { get; init; } = 100_000;

    /// <summary>The longest one render may take; a backstop, as the limits above keep every render far shorter.</summary>
    public TimeSpan MaxRenderTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock <see cref="MaxRenderTime"/> is measured on (a fake one in tests).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>Which of <see cref="TemplateLimits"/> a render reached.</summary>
public enum TemplateLimit
{
    Steps,
    Output,
    Nesting,
    Time,
    TemplateSize,
}

/// <summary>A render stopped because the template reached one of its <see cref="TemplateLimits"/>; the message says which, in plain words.</summary>
public sealed class TemplateLimitException(TemplateLimit limit, string message, Exception? inner = null) : Exception(message, inner)
{
    public TemplateLimit Limit { get; } = limit;
}

/// <summary>
/// The portal's one way to parse and render Liquid (Fluid): a shared parser, options with the UK
/// culture, and every render under <see cref="TemplateLimits"/>.
/// </summary>
public static partial class Liquid
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Fluid's parser is thread-safe and costly to build: one for the process.</summary>
    public static FluidParser Parser { get; } = new(new FluidParserOptions { AllowFunctions = false, AllowLiquidTag = false });

    /// <summary>Options for a render: the UK culture, the nesting limit, and any extra filters.</summary>
    public static TemplateOptions Options(Action<FilterCollection>? filters = null, TemplateLimits? limits = null)
    {
        limits ??= TemplateLimits.Default;
        var builder = new TemplateOptionsBuilder()
            .WithCultureInfo(Uk)
            .WithTimeZone(TimeZoneInfo.Utc)
            .WithMaxRecursion(limits.MaxNesting)
            .WithMaxSteps(limits.MaxSteps)
            .WithMaxOutputSize(limits.MaxOutputCharacters)
            .WithMaxCollectionSize(limits.MaxSteps);
        if (filters is not null) builder.ConfigureFilters(filters);
        return builder.Build();
    }

    /// <summary>
    /// Renders <paramref name="template"/> with <paramref name="context"/> (made from <see cref="Options"/>)
    /// under <paramref name="limits"/>.
    /// </summary>
    /// <exception cref="TemplateLimitException">The template reached a limit; nothing is returned.</exception>
    public static string Render(IFluidTemplate template, TemplateContext context, TextEncoder encoder, TemplateLimits? limits = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(context);
        limits ??= TemplateLimits.Default;
        context.MaxSteps = limits.MaxSteps;
        context.MaxOutputSize = limits.MaxOutputCharacters;
        context.MaxCollectionSize = limits.MaxSteps;

        var deadline = limits.Clock.GetUtcNow() + limits.MaxRenderTime;
        using var timeout = new CancellationTokenSource(limits.MaxRenderTime, limits.Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        context.CancellationToken = linked.Token;
        using var writer = new DeadlineWriter(limits.Clock, deadline, limits.MaxOutputCharacters);
        try
        {
            var rendering = template.RenderAsync(writer, context, encoder, isolateContext: false);
            // Nothing a template can reach here is asynchronous, so this completes synchronously.
            if (!rendering.IsCompletedSuccessfully) rendering.AsTask().GetAwaiter().GetResult();
            return writer.ToString();
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw TooSlow(limits, e);
        }
        catch (InvalidOperationException e) when (Translate(e, limits) is { } limit)
        {
            throw limit;
        }
    }

    private static TemplateLimitException TooSlow(TemplateLimits limits, Exception? inner = null) =>
        new(TemplateLimit.Time, $"the template took longer than {Seconds(limits.MaxRenderTime)} to fill in, the most a template may take: make it simpler, with fewer or shorter loops", inner);

    /// <summary>Fluid says which limit it reached in its message (one exception type for all of them).</summary>
    private static TemplateLimitException? Translate(InvalidOperationException e, TemplateLimits limits)
    {
        var message = e.Message;
        if (message.Contains("steps", StringComparison.OrdinalIgnoreCase) || message.Contains("collection size", StringComparison.OrdinalIgnoreCase))
            return new TemplateLimitException(TemplateLimit.Steps, $"the template repeats too much: a template may take at most {limits.MaxSteps:N0} steps (each loop round, tag and merge field is a step), so loop over fewer items", e);
        if (message.Contains("output size", StringComparison.OrdinalIgnoreCase))
            return new TemplateLimitException(TemplateLimit.Output, $"the template makes too much text: a filled-in template, and any value it builds, may have at most {limits.MaxOutputCharacters:N0} characters", e);
        if (message.Contains("recursion", StringComparison.OrdinalIgnoreCase))
            return new TemplateLimitException(TemplateLimit.Nesting, $"the template nests blocks too deeply: at most {limits.MaxNesting} blocks may sit inside each other", e);
        return null;
    }

    /// <summary>Parses a whole template; a problem comes back with Fluid's line number and its message without the position.</summary>
    public static bool TryParse(string source, out IFluidTemplate template, out TemplateError? error)
    {
        if (Parser.TryParse(source, out template!, out var message))
        {
            error = null;
            return true;
        }
        var position = Position().Match(message);
        error = new TemplateError(position.Success ? int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture) : 1, Describe(message));
        return false;
    }

    /// <summary>Fluid's parse message without its "at (line:column)" and the source it quotes.</summary>
    public static string Describe(string message)
    {
        var firstLine = message.Split('\n', 2)[0].Trim();
        return Position().Replace(firstLine, "").Trim().TrimEnd('.');
    }

    [GeneratedRegex(@"\s*at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex Position();

    private static string Seconds(TimeSpan time) => time.TotalSeconds == 1 ? "1 second" : $"{time.TotalSeconds:0.##} seconds";

    /// <summary>The output; every write checks the clock, so a slow render stops at its deadline.</summary>
    private sealed class DeadlineWriter(TimeProvider clock, DateTimeOffset deadline, int capacity)
        : StringWriter(new StringBuilder(Math.Min(capacity, 1024)), CultureInfo.InvariantCulture)
    {
        private void Check()
        {
            if (clock.GetUtcNow() > deadline) throw new OperationCanceledException("The template's time limit was reached.");
        }

        public override void Write(char value)
        {
            Check();
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Check();
            base.Write(buffer, index, count);
        }

        public override void Write(string? value)
        {
            Check();
            base.Write(value);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Check();
            base.Write(buffer);
        }
    }
}

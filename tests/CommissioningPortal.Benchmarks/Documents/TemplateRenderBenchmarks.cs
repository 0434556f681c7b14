using BenchmarkDotNet.Attributes;
using CommissioningPortal.Documents.Templates;
using CommissioningPortal.Web.Features.Content;

namespace CommissioningPortal.Benchmarks.Documents;

/// <summary>
/// The Liquid engine's share of the portal's work, on the public API only so the same benchmark
/// runs before and after a change of engine: merging the default ISF agreement template with the
/// sample agreement (what every PDF starts with), the same merge laid out as a document, the check
/// that runs when a commissioner saves a template, and a content page through the theme's
/// <c>page.liquid</c> (Markdown and sanitising included, as the public page does it).
/// </summary>
[MemoryDiagnoser]
public class TemplateRenderBenchmarks
{
    private IsfAgreementModel _model = null!;
    private string _template = null!;
    private ContentRenderer _content = null!;
    private string _page = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = IsfAgreementModel.Sample();
        _template = AgreementTemplate.Default;
        _content = new ContentRenderer();
        _page = string.Join("\n\n", Enumerable.Range(1, 12).Select(i => $"## Section {i}\n\nSelf-directed support gives you **choice and control** over your support. Read [option {i % 4 + 1}](/pages/your-four-sds-options).\n\n- one\n- two"));
        Console.WriteLine($"// merged agreement: {AgreementTemplate.Merge(_template, _model).Length:N0} characters; content page: {RenderPage().Length:N0} characters");
    }

    [Benchmark(Baseline = true, Description = "Agreement template: merge (Liquid only)")]
    public string Merge() => AgreementTemplate.Merge(_template, _model);

    [Benchmark(Description = "Agreement template: merge + Markdown to document")]
    public object Render() => AgreementTemplate.Render(_template, _model);

    [Benchmark(Description = "Agreement template: check on save (fields, syntax, sample merge)")]
    public object Validate() => AgreementTemplate.Validate(_template);

    [Benchmark(Description = "Content page: Markdown + sanitise + page.liquid")]
    public string RenderPage() => _content.RenderPage("Your four SDS options", _page, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
}

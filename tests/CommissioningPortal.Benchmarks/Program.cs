using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CommissioningPortal.Benchmarks.Workflows;

// dotnet run -c Release --project tests/CommissioningPortal.Benchmarks -- <what>
//   transitions               persisted workflow transitions per second on SQLite (BenchmarkDotNet)
//   inbox [instances] [conns] task inbox p50/p95 under wrk, before and after N active instances
//   agreement                 the default ISF agreement PDF: our engine vs Chromium print-to-PDF (BenchmarkDotNet)
//   documents                 issue 18, one run: the tagged agreement vs Chromium, a 100-page document, a charts report (BenchmarkDotNet)
//   pdf-samples [folder]      writes the sample agreement (offered and PDF/A), the 100-page document and the charts report
//   templates                 Liquid: agreement template merge, render, check on save; a content page (BenchmarkDotNet)
//   directory                 directory search, first page, 20,000 providers / 60,000 services on SQLite (BenchmarkDotNet)
//   match                     issue 17: matching a request against 20,000 providers / 60,000 services on SQLite, ranked (BenchmarkDotNet)
//   evaluation                issue 16: totals and ranks for 200 bidders × 40 questions × 5 evaluators, the pure scoring function (BenchmarkDotNet)
//   directory-load [providers] [conns]  the /directory page under wrk (default 20,000 providers, 32 connections)
//   opportunities-load [count] [conns]  the /opportunities list under wrk with 5,000 published opportunities (issue 15)
//   ocds-bulk [count]         /api/ocds/releases/bulk with N published opportunities (default 12,000: ≥10,000 releases), peak managed memory
//   insight-load [providers] [conns]  the five commissioner insight pages under wrk (default 20,000 providers + 10,000 requests, 8 connections), issue 21
//   cluster-load [providers] [conns]  directory search on one node and on two behind nginx (scripts/cluster.sh, taskset), issue 20
//   (anything else is passed to BenchmarkDotNet's switcher, e.g. --filter '*')
Directory.SetCurrentDirectory(AppContext.BaseDirectory); // WebApplicationFactory looks for the content root from here
var what = args.FirstOrDefault() ?? "";
switch (what)
{
    case "inbox":
        return await InboxLoad.RunAsync(
            instances: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
            connections: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 8,
            seconds: 15);
    case "pdf-samples":
    {
        var folder = args.Length > 1 ? args[1] : Path.GetTempPath();
        var model = CommissioningPortal.Documents.Templates.IsfAgreementModel.Sample();
        var template = CommissioningPortal.Documents.Templates.AgreementTemplate.Default;
        File.WriteAllBytes(Path.Combine(folder, "agreement.pdf"), CommissioningPortal.Documents.PdfRenderer.Render(CommissioningPortal.Documents.Templates.AgreementTemplate.Render(template, model)));
        File.WriteAllBytes(Path.Combine(folder, "agreement-pdfa.pdf"), CommissioningPortal.Documents.PdfRenderer.Render(
            CommissioningPortal.Documents.Templates.AgreementTemplate.RenderFinal(template, model), CommissioningPortal.Documents.PdfRenderOptions.Archive));
        File.WriteAllBytes(Path.Combine(folder, "hundred.pdf"), CommissioningPortal.Documents.PdfRenderer.Render(CommissioningPortal.Benchmarks.Documents.LongDocumentBenchmarks.Hundred()));
        File.WriteAllBytes(Path.Combine(folder, "charts.pdf"), CommissioningPortal.Documents.PdfRenderer.Render(CommissioningPortal.Benchmarks.Documents.LongDocumentBenchmarks.Charts()));
        Console.WriteLine($"Wrote agreement.pdf, agreement-pdfa.pdf, hundred.pdf and charts.pdf to {folder}");
        // A rough timing (not a benchmark): median of 40 renders of the 100-page document.
        var hundredDoc = CommissioningPortal.Benchmarks.Documents.LongDocumentBenchmarks.Hundred();
        var times = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            CommissioningPortal.Documents.PdfRenderer.Render(hundredDoc);
            if (i >= 10) times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"100-page document: median {times[times.Count / 2]:F2} ms (rough, 40 runs)");
        return 0;
    }
    case "directory-load":
        return await CommissioningPortal.Benchmarks.ProviderDirectory.DirectoryLoad.RunAsync(
            providers: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000,
            connections: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 32,
            seconds: 15);
    case "opportunities-load":
        return await CommissioningPortal.Benchmarks.Opportunities.OpportunitiesLoad.RunAsync(
            count: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000,
            connections: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 32,
            seconds: 15);
    case "insight-load":
        return await CommissioningPortal.Benchmarks.Insight.InsightLoad.RunAsync(
            providers: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000,
            connections: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 8,
            seconds: 15);
    case "cluster-load":
        return await CommissioningPortal.Benchmarks.Operations.ClusterLoad.RunAsync(
            providers: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000,
            connections: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 32,
            seconds: 15);
    case "ocds-bulk":
        return await CommissioningPortal.Benchmarks.Opportunities.OcdsBulk.RunAsync(
            opportunities: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 12_000);
    default:
        // In process: the benchmarks start the real portal, which a separately generated project could not.
        var config = DefaultConfig.Instance.AddJob(Job.MediumRun.WithToolchain(InProcessEmitToolchain.Instance));
        var switcher = BenchmarkSwitcher.FromAssembly(typeof(TransitionBenchmarks).Assembly);
        if (what == "transitions") switcher.Run(["--filter", "*TransitionBenchmarks*"], config);
        else if (what == "agreement") switcher.Run(["--filter", "*AgreementPdfBenchmarks*"], config);
        else if (what == "documents") switcher.Run(["--filter", "*AgreementPdfBenchmarks*", "*LongDocumentBenchmarks*", "--join"], config);
        else if (what == "templates")
        {
            var templates = DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance));
            switcher.Run(["--filter", "*TemplateRenderBenchmarks*"], templates);
        }
        else if (what == "directory")
        {
            // One launch: its setup seeds 20,000 providers, which takes a minute or more on two shared cores.
            var once = DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance));
            switcher.Run(["--filter", "*DirectorySearchBenchmarks*"], once);
        }
        else if (what == "match")
        {
            // One launch, like the directory's: its setup seeds (or reuses, with DIRECTORY_BENCH_DB) 20,000 providers.
            var once = DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance));
            switcher.Run(["--filter", "*MatchBenchmarks*"], once);
        }
        else if (what == "evaluation")
        {
            // Pure arithmetic, no portal: one launch is enough.
            var once = DefaultConfig.Instance.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(20).WithToolchain(InProcessEmitToolchain.Instance));
            switcher.Run(["--filter", "*EvaluationBenchmarks*"], once);
        }
        else switcher.Run(args, config);
        return 0;
}

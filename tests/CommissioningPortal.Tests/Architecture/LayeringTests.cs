using CommissioningPortal.Tests.Infrastructure;
using System.Reflection;
using System.Xml.Linq;
using ArchUnitNET.Loader;
using CommissioningPortal.Data;
using CommissioningPortal.Domain.Workflows;
using CommissioningPortal.Workflows.Runtime;
using Xunit;

namespace CommissioningPortal.Tests.Architecture;

/// <summary>
/// The layers: the domain knows no database and no web; the process engine and the document
/// library know neither the data layer, nor the web app, nor Identity (ADR 0012). ArchUnitNET reads
/// the compiled assemblies, method bodies included.
/// </summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(WorkflowInstance).Assembly;
    private static readonly Assembly Workflows = typeof(WorkflowRuntime).Assembly;
    private static readonly Assembly Documents = typeof(CommissioningPortal.Documents.PdfRenderer).Assembly;
    private static readonly Assembly DataLayer = typeof(PortalDbContext).Assembly;

    private static readonly ArchUnitNET.Domain.Architecture Portal =
        new ArchLoader().LoadAssemblies(Domain, Workflows, Documents, DataLayer, typeof(Program).Assembly).Build();

    private static readonly string[] EfCoreAndWeb = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore"];
    private static readonly string[] DataWebAndIdentity = ["CommissioningPortal.Data", "CommissioningPortal.Web", "Microsoft.AspNetCore", "Microsoft.Extensions.Identity", "Microsoft.EntityFrameworkCore"];

    /// <summary>"Type → dependency" for each type of <paramref name="assembly"/> that uses a type in one of the namespaces.</summary>
    private static List<string> Offenders(Assembly assembly, IReadOnlyCollection<string> namespaces) =>
        Portal.Types
            .Where(t => t.Assembly.FullName == assembly.FullName)
            .SelectMany(t => t.Dependencies.Select(d => (Type: t.FullName, Target: d.Target.FullName)))
            .Where(d => namespaces.Any(n => d.Target == n || d.Target.StartsWith(n + ".", StringComparison.Ordinal)))
            .Select(d => $"{d.Type} → {d.Target}")
            .Distinct()
            .ToList();

    private static void AssertNone(List<string> offenders, string rule) =>
        Assert.True(offenders.Count == 0, $"{rule}:\n  " + string.Join("\n  ", offenders.Take(20)));

    [Fact]
    public void The_domain_references_neither_ef_core_nor_asp_net_core() =>
        AssertNone(Offenders(Domain, EfCoreAndWeb), "CommissioningPortal.Domain must not use EF Core or ASP.NET Core");

    [Fact]
    public void The_process_engine_references_neither_the_data_layer_nor_the_web_nor_identity() =>
        AssertNone(Offenders(Workflows, DataWebAndIdentity), "CommissioningPortal.Workflows must not use the data layer, the web app, EF Core or Identity");

    [Fact]
    public void The_document_library_references_neither_the_data_layer_nor_the_web_nor_identity() =>
        AssertNone(Offenders(Documents, DataWebAndIdentity), "CommissioningPortal.Documents must not use the data layer, the web app, EF Core or Identity");

    /// <summary>The checks are only worth having if they see a dependency where there is one.</summary>
    [Fact]
    public void The_checks_see_a_dependency_where_there_is_one()
    {
        Assert.Contains(Offenders(DataLayer, EfCoreAndWeb), o => o.Contains("Microsoft.EntityFrameworkCore.DbContext"));
        Assert.Contains(Offenders(typeof(Program).Assembly, DataWebAndIdentity), o => o.Contains("CommissioningPortal.Data.PortalDbContext"));
    }

    [Fact]
    public void The_process_engine_project_references_no_data_project_and_no_asp_net_core_or_identity_package()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "src", "CommissioningPortal.Workflows", "CommissioningPortal.Workflows.csproj"));
        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference" or "FrameworkReference")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .ToList();
        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, r => r.Contains("CommissioningPortal.Data", StringComparison.OrdinalIgnoreCase) || r.Contains("CommissioningPortal.Web", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(references, r => r.Contains("AspNetCore", StringComparison.OrdinalIgnoreCase) || r.Contains("Identity", StringComparison.OrdinalIgnoreCase) || r.Contains("EntityFrameworkCore", StringComparison.OrdinalIgnoreCase));
    }
}

using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Loader;
using CommissioningPortal.Data;
using CommissioningPortal.Web.Features.Frameworks;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommissioningPortal.Tests.Architecture;

/// <summary>
/// Page models bind input, call a use case and show its answer; they never save. ArchUnitNET reads
/// the compiled portal (method bodies included, and the state machines async handlers compile to)
/// and lists every page model that calls <c>SaveChanges</c>/<c>SaveChangesAsync</c> on a DbContext.
/// </summary>
public sealed class PageModelTests
{
    private static readonly ArchUnitNET.Domain.Architecture Portal =
        new ArchLoader().LoadAssemblies(typeof(Program).Assembly, typeof(PortalDbContext).Assembly).Build();

    [Fact]
    public void No_page_model_saves_changes_itself()
    {
        var offenders = PageModelsThatSave().Select(p => $"{p.Page} calls {p.Call}").ToList();
        Assert.True(offenders.Count == 0,
            "Page models must call a use case instead of saving (see Features/Frameworks/CreateFramework.cs):\n  " + string.Join("\n  ", offenders));
    }

    /// <summary>The check is only worth having if it sees a save made inside an async method: a use case's.</summary>
    [Fact]
    public void The_check_sees_a_save_inside_an_async_handler()
    {
        Assert.Contains(Saves(typeof(CreateFramework).FullName!), call => call.Contains("SaveChangesAsync"));
        Assert.Empty(Saves(typeof(NewModel).FullName!));
    }

    /// <summary>Every page model (a PageModel of the portal) with the first SaveChanges call found in it.</summary>
    private static List<(string Page, string Call)> PageModelsThatSave() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(PageModel).IsAssignableFrom(t))
            .Select(t => (Page: t.FullName!, Calls: Saves(t.FullName!)))
            .Where(p => p.Calls.Count > 0)
            .Select(p => (p.Page, p.Calls[0]))
            .ToList();

    /// <summary>
    /// The SaveChanges calls made by the class named <paramref name="fullName"/> and the types the
    /// compiler nests in it (async state machines, lambdas' closures).
    /// </summary>
    private static List<string> Saves(string fullName) =>
        Portal.Classes
            .Where(c => c.FullName == fullName || c.FullName.StartsWith(fullName + "+", StringComparison.Ordinal) || c.FullName.StartsWith(fullName + "/", StringComparison.Ordinal))
            .SelectMany(c => c.Dependencies.OfType<MethodCallDependency>())
            .Where(d => d.TargetMember.Name.StartsWith("SaveChanges", StringComparison.Ordinal) && IsDbContext(d.TargetMember.DeclaringType))
            .Select(d => $"{d.TargetMember.DeclaringType.Name}.{d.TargetMember.Name}")
            .Distinct()
            .ToList();

    private static bool IsDbContext(IType type) =>
        type.FullName is "Microsoft.EntityFrameworkCore.DbContext" || type.FullName == typeof(PortalDbContext).FullName ||
        (type is Class { BaseClass: { } parent } && IsDbContext(parent));
}

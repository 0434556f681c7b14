using CommissioningPortal.Data.Recipes;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Data;

public abstract class RecipeTests(PortalFactory portal) : PortalTestBase(portal)
{
    [Fact]
    public async Task Reference_data_holds_every_Scottish_local_authority_area_and_the_social_care_CPV_codes()
    {
        var areas = await Portal.WithDbAsync(db => db.ReferenceTerms.CountAsync(t => t.Scheme == ReferenceSchemes.LocalAuthorityArea, Ct));
        Assert.Equal(32, areas);
        var cpv = await Portal.WithDbAsync(db => db.ReferenceTerms.Where(t => t.Scheme == ReferenceSchemes.Cpv).Select(t => t.Code).ToListAsync(Ct));
        Assert.Contains("85312000-9", cpv);
        Assert.Contains("85320000-8", cpv);
    }

    [Fact]
    public async Task Running_recipes_again_adds_nothing_twice()
    {
        // Counted by what the recipes name: other tests add users, authorities and pages to this portal meanwhile.
        async Task<List<Recipe>> RunAsync()
        {
            await using var scope = Portal.Services.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<RecipeRunner>();
            return [await runner.RunAsync(RecipeRunner.ReferenceData, Ct), await runner.RunAsync(RecipeRunner.Demo, Ct)];
        }

        var recipes = await RunAsync();
        var steps = recipes.SelectMany(r => r.Steps).ToList();
        var emails = steps.SelectMany(s => s.Users ?? []).Select(u => u.Email.ToUpperInvariant()).ToList();
        var codes = steps.SelectMany(s => s.Authorities ?? []).Select(a => a.Code).ToList();
        var slugs = steps.SelectMany(s => s.Pages ?? []).Select(p => p.Slug).ToList();
        Assert.NotEmpty(emails);
        Assert.NotEmpty(codes);

        async Task<(int Terms, int Users, int Authorities, int Pages)> Count() => await Portal.WithDbAsync(async db =>
            (await db.ReferenceTerms.CountAsync(Ct), await db.Users.CountAsync(u => emails.Contains(u.NormalizedEmail!), Ct),
             await db.Authorities.CountAsync(a => codes.Contains(a.Code), Ct), await db.ContentPages.CountAsync(p => slugs.Contains(p.Slug), Ct)));

        var before = await Count();
        Assert.Equal(emails.Count, before.Users);
        await RunAsync();
        Assert.Equal(before, await Count());
    }

    [Fact]
    public async Task Demo_has_two_authorities_with_localities_a_micro_provider_and_a_personal_assistant()
    {
        var authorities = await Portal.WithDbAsync(db => db.Authorities.Include(a => a.Localities).ToListAsync(Ct));
        Assert.Contains(authorities, a => a.Code == "glenmore" && a.Localities.Count >= 2);
        Assert.Contains(authorities, a => a.Code == "ardbrae" && a.Localities.Count >= 2);
        var kinds = await Portal.WithDbAsync(db => db.Providers.Select(p => p.Kind).ToListAsync(Ct));
        Assert.Contains(CommissioningPortal.Domain.Tenancy.ProviderKind.MicroProvider, kinds);
        Assert.Contains(CommissioningPortal.Domain.Tenancy.ProviderKind.PersonalAssistant, kinds);
    }

    [Fact]
    public async Task An_unknown_recipe_names_itself_in_the_error()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<RecipeRunner>();
        var error = await Assert.ThrowsAsync<RecipeException>(() => runner.RunAsync("no-such-recipe", Ct));
        Assert.Contains("no-such-recipe", error.Message);
    }
}

public sealed class RecipesOnSqlite(SqlitePortal portal) : RecipeTests(portal);

public sealed class RecipesOnPostgres(PostgresPortal portal) : RecipeTests(portal);

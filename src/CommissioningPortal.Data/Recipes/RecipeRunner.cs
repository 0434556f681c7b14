using System.Text.Json;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Content;
using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Domain.Tendering;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommissioningPortal.Data.Recipes;

/// <summary>
/// Runs JSON recipes (the Orchard Core idea): a named list of ordered steps that seed reference
/// data, content and demo data. Every step is idempotent — it adds what is missing and never
/// overwrites what people have since changed — so a recipe can run at every start-up.
/// </summary>
public sealed class RecipeRunner(PortalDbContext db, IServiceProvider services, TimeProvider clock, ILogger<RecipeRunner> logger)
{
    public const string ReferenceData = "reference-data";
    public const string Demo = "demo";

    /// <summary>Key every demo staff account uses for its authenticator app (printed at start-up).</summary>
    public const string DemoAuthenticatorKey = "PORTALDEMOKEY234";

    public static string RecipeFolder => Path.Combine(AppContext.BaseDirectory, "Recipes");

    public static IReadOnlyList<string> Available() =>
        Directory.Exists(RecipeFolder)
            ? Directory.GetFiles(RecipeFolder, "*.recipe.json").Select(f => Path.GetFileName(f)[..^".recipe.json".Length]).Order().ToList()
            : [];

    public async Task<Recipe> RunAsync(string name, CancellationToken ct = default)
    {
        var path = Path.Combine(RecipeFolder, name + ".recipe.json");
        if (!File.Exists(path)) throw new RecipeException($"No recipe named '{name}' (looked for {path}).");
        Recipe recipe;
        try
        {
            recipe = JsonSerializer.Deserialize<Recipe>(await File.ReadAllTextAsync(path, ct), JsonOptions)
                     ?? throw new RecipeException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new RecipeException($"{path} is not a valid recipe: {e.Message}", e);
        }

        logger.LogInformation("Running recipe {Recipe} ({Steps} steps)", recipe.Name, recipe.Steps.Count);
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var step = recipe.Steps[i];
            try
            {
                await RunStepAsync(step, ct);
                await db.SaveChangesAsync(ct);
            }
            catch (Exception e) when (e is not RecipeException and not OperationCanceledException)
            {
                throw new RecipeException($"Recipe '{name}', step {i + 1} ({step.Step}) failed: {e.Message}", e);
            }
        }
        return recipe;
    }

    private Task RunStepAsync(RecipeStep step, CancellationToken ct) => step.Step switch
    {
        "referenceTerms" => ReferenceTermsAsync(step, ct),
        "authorities" => AuthoritiesAsync(step, ct),
        "providers" => ProvidersAsync(step, ct),
        "passport" => PassportAsync(step, ct),
        "services" => ServicesAsync(step, ct),
        "frameworks" => FrameworksAsync(step, ct),
        "opportunities" => OpportunitiesAsync(step, ct),
        "tendering" => TenderingAsync(step, ct),
        "roles" => RolesAsync(),
        "users" => UsersAsync(step, ct),
        "contentPages" => ContentPagesAsync(step, ct),
        "partnerships" => PartnershipRecipe.RunAsync(db, step, clock.GetUtcNow(), ct),
        _ => throw new RecipeException($"Unknown recipe step '{step.Step}'."),
    };

    private async Task ReferenceTermsAsync(RecipeStep step, CancellationToken ct)
    {
        var scheme = step.Scheme ?? throw new RecipeException("A referenceTerms step needs a scheme.");
        var existing = await db.ReferenceTerms.Where(t => t.Scheme == scheme).Select(t => t.Code).ToListAsync(ct);
        var order = existing.Count;
        foreach (var term in step.Terms ?? [])
        {
            if (existing.Contains(term.Code)) continue;
            db.ReferenceTerms.Add(new ReferenceTerm
            {
                Scheme = scheme, Code = term.Code, Label = term.Label, Description = term.Description,
                ParentCode = term.Parent, SortOrder = ++order,
            });
        }
    }

    private async Task AuthoritiesAsync(RecipeStep step, CancellationToken ct)
    {
        foreach (var item in step.Authorities ?? [])
        {
            var authority = await db.Authorities.Include(a => a.Localities).FirstOrDefaultAsync(a => a.Code == item.Code, ct);
            if (authority is null)
            {
                authority = new Authority { Code = item.Code, Name = item.Name, AreaCode = item.AreaCode, ContactEmail = item.ContactEmail };
                db.Authorities.Add(authority);
            }
            foreach (var locality in item.Localities ?? [])
            {
                var existing = authority.Localities.FirstOrDefault(l => l.Code == locality.Code);
                if (existing is null)
                {
                    existing = new Locality { AuthorityId = authority.Id, Code = locality.Code, Name = locality.Name };
                    authority.Localities.Add(existing);
                }
                // Geography is added where it is missing (a locality made before it was recorded), never overwritten.
                if (!existing.HasCentre && locality.Latitude is { } latitude && locality.Longitude is { } longitude)
                {
                    existing.Latitude = latitude;
                    existing.Longitude = longitude;
                }
                if (existing.PostcodeDistricts.Count == 0 && locality.PostcodeDistricts is { Count: > 0 } districts)
                {
                    existing.PostcodeDistricts = districts.Select(d => d.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToList();
                }
            }
        }
    }

    private async Task ProvidersAsync(RecipeStep step, CancellationToken ct)
    {
        foreach (var item in step.Providers ?? [])
        {
            if (await db.Providers.AnyAsync(p => p.Name == item.Name, ct)) continue;
            db.Providers.Add(new Provider
            {
                Name = item.Name, Kind = item.Kind, Summary = item.Summary, ContactEmail = item.ContactEmail,
                Phone = item.Phone, Website = item.Website, AddressLine = item.AddressLine, Town = item.Town, Postcode = item.Postcode,
                CreatedAt = clock.GetUtcNow(),
            });
        }
    }

    private async Task<Provider> ProviderNamedAsync(string name, CancellationToken ct) =>
        await db.Providers.FirstOrDefaultAsync(p => p.Name == name, ct)
        ?? db.Providers.Local.FirstOrDefault(p => p.Name == name)
        ?? throw new RecipeException($"No provider named '{name}'.");

    /// <summary>Passport items with dates relative to today, so demo data neither expires nor goes stale.</summary>
    private async Task PassportAsync(RecipeStep step, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var touched = new HashSet<Provider>();
        foreach (var item in step.Items ?? [])
        {
            var provider = await ProviderNamedAsync(item.Provider, ct);
            if (await db.PassportItems.AnyAsync(i => i.ProviderId == provider.Id && i.Kind == item.Kind && i.Number == item.Number, ct)) continue;
            var passport = new PassportItem
            {
                ProviderId = provider.Id, Kind = item.Kind, Number = item.Number, Details = item.Details,
                ExpiresOn = item.ExpiresInDays is { } days ? today.AddDays(days) : null,
                EvidenceFileName = item.EvidenceFileName, EvidenceContentType = item.EvidenceFileName is null ? null : "application/pdf",
                CareServiceType = item.CareServiceType, ClientGroupScope = item.ClientGroupScope,
                GradedOn = item.GradedDaysAgo is { } ago ? today.AddDays(-ago) : null,
                Grades = item.Grades ?? [null, null, null, null, null],
                CreatedAt = now,
            };
            switch (item.Status)
            {
                case PassportItemStatus.Verified: passport.Verify(item.VerifiedBy ?? "Demo commissioner", now); break;
                case PassportItemStatus.Rejected: passport.Reject(item.VerifiedBy ?? "Demo commissioner", now, item.RejectionReason ?? "Not readable"); break;
                case PassportItemStatus.Unverified: break;
                default: throw new RecipeException($"Passport item '{item.Number}' of '{item.Provider}': a recipe can make items unverified, verified or rejected, not {item.Status}.");
            }
            db.PassportItems.Add(passport);
            touched.Add(provider);
        }
        await db.SaveChangesAsync(ct);
        foreach (var provider in touched)
        {
            var items = await db.PassportItems.Where(i => i.ProviderId == provider.Id).ToListAsync(ct);
            var services = await db.Services.Where(s => s.ProviderId == provider.Id).ToListAsync(ct);
            ProviderVerification.Refresh(provider, items, today, services);
        }
    }

    /// <summary>Services with areas written "authority/locality", rates and capacity relative to today.</summary>
    private async Task ServicesAsync(RecipeStep step, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var authorities = await db.Authorities.Include(a => a.Localities).ToListAsync(ct);
        foreach (var item in step.Services ?? [])
        {
            var provider = await ProviderNamedAsync(item.Provider, ct);
            if (await db.Services.AnyAsync(s => s.ProviderId == provider.Id && s.Name == item.Name, ct)) continue;
            var service = new Service
            {
                ProviderId = provider.Id, Name = item.Name, Description = item.Description,
                SupportTypes = item.SupportTypes ?? [], ClientGroups = item.ClientGroups ?? [], Languages = item.Languages ?? ["en"],
                AccessibilityNotes = item.Accessibility, CreatedAt = now,
            };
            service.RecordChange(now, null);
            var areas = new List<(Guid AuthorityId, Guid LocalityId)>();
            foreach (var area in item.Areas ?? [])
            {
                var parts = area.Split('/', 2);
                var authority = authorities.FirstOrDefault(a => a.Code == parts[0]) ?? throw new RecipeException($"Service '{item.Name}': no authority '{parts[0]}'.");
                var localities = parts.Length == 1 ? authority.Localities : authority.Localities.Where(l => l.Code == parts[1]).ToList();
                if (localities.Count == 0) throw new RecipeException($"Service '{item.Name}': no locality '{area}'.");
                areas.AddRange(localities.Select(l => (authority.Id, l.Id)));
            }
            service.CoverLocalities(areas);
            foreach (var rate in (item.Rates ?? []).OrderBy(r => -(r.FromDaysAgo ?? 90)))
            {
                service.AddRate((int)Math.Round(rate.Amount * 100m), rate.Unit, today.AddDays(rate.FromDaysAgo is { } ago ? -ago : -90));
            }
            if (item.HoursFreePerWeek is not null || item.CapacityConfirmedDaysAgo is not null)
            {
                service.ConfirmCapacity(item.HoursFreePerWeek, item.EarliestStartInDays is { } d ? today.AddDays(d) : null,
                    now.AddDays(-(item.CapacityConfirmedDaysAgo ?? 0)));
            }
            service.Reindex(provider);
            db.Services.Add(service);
        }
    }

    /// <summary>Frameworks with lots and admitted providers, dates relative to today; an existing reference is left alone.</summary>
    private async Task FrameworksAsync(RecipeStep step, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var item in step.Frameworks ?? [])
        {
            var authority = await db.Authorities.Include(a => a.Localities).FirstOrDefaultAsync(a => a.Code == item.Authority, ct)
                            ?? throw new RecipeException($"Framework '{item.Reference}': no authority '{item.Authority}'.");
            if (await db.Frameworks.AnyAsync(f => f.AuthorityId == authority.Id && f.Reference == item.Reference, ct)) continue;
            var framework = Framework.CreateDraft(authority.Id, item.Reference, item.Title, item.Description,
                item.StartedDaysAgo is { } ago ? today.AddDays(-ago) : null, item.EndsInDays is { } ends ? today.AddDays(ends) : null, now, "Demo commissioner");
            foreach (var lotItem in item.Lots ?? [])
            {
                var lot = framework.AddLot(lotItem.Title, lotItem.SupportType, lotItem.ClientGroup,
                    (lotItem.Localities ?? []).Select(code => authority.Localities.FirstOrDefault(l => l.Code == code)?.Id
                        ?? throw new RecipeException($"Framework '{item.Reference}': no locality '{code}' in {authority.Code}.")));
                foreach (var member in lotItem.Members ?? [])
                {
                    var provider = await ProviderNamedAsync(member.Provider, ct);
                    framework.Admit(lot.Id, provider.Id, provider.Name, today.AddDays(-(member.AdmittedDaysAgo ?? item.StartedDaysAgo ?? 0)),
                        member.Rate is { } rate ? ((int)Math.Round(rate * 100m), member.Unit ?? RateUnit.PerHour) : null, now, "Demo commissioner");
                }
            }
            if (item.Live) framework.MakeLive(today, now);
            db.Frameworks.Add(framework);
        }
    }

    /// <summary>Opportunities published on the day the recipe runs, with their dates counted from it.</summary>
    private async Task OpportunitiesAsync(RecipeStep step, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var item in step.Opportunities ?? [])
        {
            var authority = await db.Authorities.FirstOrDefaultAsync(a => a.Code == item.Authority, ct)
                            ?? throw new RecipeException($"Opportunity '{item.Title}': no authority '{item.Authority}'.");
            if (await db.Opportunities.AnyAsync(o => o.AuthorityId == authority.Id && o.Title == item.Title, ct)) continue;
            var details = new OpportunityDetails
            {
                Kind = item.Kind, Title = item.Title, Summary = item.Summary, Description = item.Description,
                CpvCodes = item.CpvCodes ?? [], Localities = item.Localities ?? [], ClientGroups = item.ClientGroups ?? [],
                EstimatedValuePence = item.EstimatedValue is { } value ? (long)Math.Round(value * 100m) : null,
                DurationMonths = item.DurationMonths, ProcedureNote = item.ProcedureNote,
                PublicationAt = now,
                ClarificationDeadline = item.ClarificationInDays is { } c ? now.AddDays(c) : null,
                SubmissionDeadline = now.AddDays(item.SubmissionInDays),
                ExpectedAwardOn = item.AwardInDays is { } a ? today.AddDays(a) : null,
                ContractStartOn = item.ContractStartInDays is { } s ? today.AddDays(s) : null,
                QualityWeight = item.QualityWeight, PriceWeight = item.PriceWeight, FairWorkWeight = item.FairWorkWeight,
            };
            if (details.Problems() is { Count: > 0 } problems)
                throw new RecipeException($"Opportunity '{item.Title}': {string.Join(" ", problems.Select(p => p.Message))}");
            var opportunity = Opportunity.CreateDraft(authority.Id, details, now, "Demo commissioner");
            foreach (var lot in item.Lots ?? []) opportunity.AddLot(lot, null, null);
            opportunity.Publish(now, "Demo commissioner");
            db.Opportunities.Add(opportunity);
        }
    }

    /// <summary>
    /// A questionnaire for a published opportunity, and questions providers asked with their answers for everyone: a tender
    /// open for responses. Checked by the domain like a commissioner's input; skipped when the opportunity has one already.
    /// </summary>
    private async Task TenderingAsync(RecipeStep step, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var item in step.Tenders ?? [])
        {
            var authority = await db.Authorities.FirstOrDefaultAsync(a => a.Code == item.Authority, ct)
                            ?? throw new RecipeException($"Tender '{item.Opportunity}': no authority '{item.Authority}'.");
            var opportunity = await db.Opportunities.Include(o => o.Lots).FirstOrDefaultAsync(o => o.AuthorityId == authority.Id && o.Title == item.Opportunity, ct)
                              ?? throw new RecipeException($"Tender '{item.Opportunity}': no such opportunity of '{item.Authority}'.");
            if (await db.Questionnaires.AnyAsync(q => q.OpportunityId == opportunity.Id, ct)) continue;
            var questionnaire = Questionnaire.For(opportunity.Id, authority.Id);
            questionnaire.SetShortFormThreshold(item.ShortFormBelow is { } below ? (long)Math.Round(below * 100m) : null);
            foreach (var section in item.Sections ?? [])
            {
                var s = questionnaire.AddSection(section.Title);
                foreach (var q in section.Questions ?? [])
                    questionnaire.AddQuestion(s.Id, q.Kind, q.Text, q.Guidance, q.WordLimit, q.Weight, q.ScaleMax, q.ProvedBy, q.InShortForm);
            }
            foreach (var price in item.Prices ?? [])
            {
                Guid? lotId = price.Lot is { } lotTitle
                    ? opportunity.Lots.FirstOrDefault(l => l.Title == lotTitle)?.Id ?? throw new RecipeException($"Tender '{item.Opportunity}': no lot '{lotTitle}'.")
                    : null;
                questionnaire.AddPriceLine(lotId, price.Description, price.Unit);
            }
            foreach (var document in item.Documents ?? []) questionnaire.AddDocument(document.Title, document.Guidance, document.InShortForm);
            db.Questionnaires.Add(questionnaire);
            foreach (var c in item.Clarifications ?? [])
            {
                var provider = await ProviderNamedAsync(c.Provider, ct);
                var asker = await db.Users.Where(u => u.ProviderId == provider.Id).Select(u => u.Id).FirstOrDefaultAsync(ct) ?? "demo";
                var clarification = Clarification.Ask(opportunity.Id, authority.Id, provider.Id, asker, c.Question, now, opportunity.ClarificationDeadline, opportunity.SubmissionDeadline);
                if (c.Answer is { } answer) clarification.AnswerToAll(c.PublishedQuestion, answer, now, "Demo commissioner");
                db.Clarifications.Add(clarification);
            }
        }
    }

    private async Task RolesAsync()
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }
    }

    private async Task UsersAsync(RecipeStep step, CancellationToken ct)
    {
        await RolesAsync();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        foreach (var item in step.Users ?? [])
        {
            if (await users.FindByEmailAsync(item.Email) is not null) continue;
            var user = new PortalUser
            {
                UserName = item.Email, Email = item.Email, EmailConfirmed = true, DisplayName = item.DisplayName,
                CreatedAt = clock.GetUtcNow(),
            };
            if (item.Authority is not null)
            {
                user.AuthorityId = (await db.Authorities.FirstOrDefaultAsync(a => a.Code == item.Authority, ct))?.Id
                                   ?? throw new RecipeException($"User {item.Email}: no authority with code '{item.Authority}'.");
            }
            if (item.Provider is not null)
            {
                user.ProviderId = (await db.Providers.FirstOrDefaultAsync(p => p.Name == item.Provider, ct))?.Id
                                  ?? throw new RecipeException($"User {item.Email}: no provider named '{item.Provider}'.");
            }
            Check(await users.CreateAsync(user, item.Password), $"user {item.Email}");
            Check(await users.AddToRolesAsync(user, item.Roles), $"roles of {item.Email}");
            if (item.AuthenticatorKey is not null)
            {
                // The same token Identity's own authenticator setup stores.
                Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", item.AuthenticatorKey), $"authenticator of {item.Email}");
                Check(await users.SetTwoFactorEnabledAsync(user, true), $"two-factor of {item.Email}");
            }
        }
    }

    private async Task ContentPagesAsync(RecipeStep step, CancellationToken ct)
    {
        foreach (var item in step.Pages ?? [])
        {
            if (!ContentPage.IsValidSlug(item.Slug)) throw new RecipeException($"'{item.Slug}' is not a valid page slug.");
            if (await db.ContentPages.AnyAsync(p => p.Slug == item.Slug, ct)) continue;
            var markdown = item.Markdown
                           ?? (item.MarkdownFile is not null ? await File.ReadAllTextAsync(Path.Combine(RecipeFolder, item.MarkdownFile), ct) : null)
                           ?? throw new RecipeException($"Page '{item.Slug}' needs markdown or markdownFile.");
            var page = ContentPage.Create(item.Slug, item.Title, markdown, "recipe", clock.GetUtcNow());
            if (item.Publish) page.Publish(1, clock.GetUtcNow());
            db.ContentPages.Add(page);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new RecipeException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

public sealed class RecipeException(string message, Exception? inner = null) : Exception(message, inner);

public sealed record Recipe(string Name, string? Description, List<RecipeStep> Steps);

public sealed record RecipeStep(
    string Step,
    string? Scheme = null,
    List<RecipeTerm>? Terms = null,
    List<RecipeAuthority>? Authorities = null,
    List<RecipeProvider>? Providers = null,
    List<RecipeUser>? Users = null,
    List<RecipePage>? Pages = null,
    List<RecipePassportItem>? Items = null,
    List<RecipeService>? Services = null,
    List<RecipeFramework>? Frameworks = null,
    List<RecipeOpportunity>? Opportunities = null,
    List<RecipeTender>? Tenders = null,
    List<RecipePartnership>? Partnerships = null);

public sealed record RecipeTender(
    string Authority, string Opportunity, decimal? ShortFormBelow = null, List<RecipeSection>? Sections = null, List<RecipePriceLine>? Prices = null,
    List<RecipeRequiredDocument>? Documents = null, List<RecipeClarification>? Clarifications = null);

public sealed record RecipeSection(string Title, List<RecipeQuestion>? Questions = null);

public sealed record RecipeQuestion(
    string Text, QuestionKind Kind = QuestionKind.Scored, string? Guidance = null, int? WordLimit = null, int Weight = 0, int ScaleMax = 4,
    PassportItemKind? ProvedBy = null, bool InShortForm = false);

public sealed record RecipePriceLine(string Description, PriceUnit Unit, string? Lot = null);

public sealed record RecipeRequiredDocument(string Title, string? Guidance = null, bool InShortForm = false);

public sealed record RecipeClarification(string Provider, string Question, string? Answer = null, string? PublishedQuestion = null);

public sealed record RecipeOpportunity(
    string Authority, OpportunityKind Kind, string Title, string Summary, int SubmissionInDays,
    int QualityWeight, int PriceWeight, int FairWorkWeight, string? Description = null,
    List<string>? CpvCodes = null, List<string>? Localities = null, List<string>? ClientGroups = null,
    decimal? EstimatedValue = null, int? DurationMonths = null, string? ProcedureNote = null,
    int? ClarificationInDays = null, int? AwardInDays = null, int? ContractStartInDays = null, List<string>? Lots = null);

public sealed record RecipeTerm(string Code, string Label, string? Description = null, string? Parent = null);
public sealed record RecipeAuthority(string Code, string Name, string? AreaCode = null, string? ContactEmail = null, List<RecipeLocality>? Localities = null);
public sealed record RecipeLocality(string Code, string Name, double? Latitude = null, double? Longitude = null, List<string>? PostcodeDistricts = null);
public sealed record RecipeProvider(
    string Name, ProviderKind Kind, string? Summary = null, string? ContactEmail = null,
    string? Phone = null, string? Website = null, string? AddressLine = null, string? Town = null, string? Postcode = null);

public sealed record RecipePassportItem(
    string Provider, PassportItemKind Kind, string? Number = null, string? Details = null,
    PassportItemStatus Status = PassportItemStatus.Unverified, string? VerifiedBy = null, string? RejectionReason = null,
    int? ExpiresInDays = null, string? EvidenceFileName = null,
    string? CareServiceType = null, string? ClientGroupScope = null, int? GradedDaysAgo = null, List<int?>? Grades = null);

public sealed record RecipeService(
    string Provider, string Name, string Description,
    List<string>? SupportTypes = null, List<string>? ClientGroups = null, List<string>? Languages = null,
    List<string>? Areas = null, string? Accessibility = null, List<RecipeRate>? Rates = null,
    int? HoursFreePerWeek = null, int? EarliestStartInDays = null, int? CapacityConfirmedDaysAgo = null);

public sealed record RecipeFramework(
    string Authority, string Reference, string Title, string? Description = null, bool Live = false,
    int? StartedDaysAgo = null, int? EndsInDays = null, List<RecipeLot>? Lots = null);

public sealed record RecipeLot(string Title, string? SupportType = null, string? ClientGroup = null, List<string>? Localities = null, List<RecipeLotMember>? Members = null);

public sealed record RecipeLotMember(string Provider, decimal? Rate = null, RateUnit? Unit = null, int? AdmittedDaysAgo = null);

public sealed record RecipeRate(decimal Amount, RateUnit Unit, int? FromDaysAgo = null);

public sealed record RecipeUser(
    string Email, string Password, string DisplayName, List<string> Roles,
    string? Authority = null, string? Provider = null, string? AuthenticatorKey = null);

public sealed record RecipePage(string Slug, string Title, string? Markdown = null, string? MarkdownFile = null, bool Publish = true);

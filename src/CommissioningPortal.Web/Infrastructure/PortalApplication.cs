using System.Text.Json;
using System.Threading.RateLimiting;
using CommissioningPortal.Data.Recipes;
using CommissioningPortal.Web.Features.Account;
using CommissioningPortal.Web.Features.Admin;
using CommissioningPortal.Web.Features.Agreements;
using CommissioningPortal.Web.Features.Opportunities;
using CommissioningPortal.Web.Features.Authorities;
using CommissioningPortal.Web.Features.Content;
using CommissioningPortal.Web.Features.Email;
using CommissioningPortal.Web.Features.Evaluation;
using CommissioningPortal.Web.Features.Frameworks;
using CommissioningPortal.Web.Features.Home;
using CommissioningPortal.Web.Features.Insight;
using CommissioningPortal.Web.Features.OpenReferral;
using CommissioningPortal.Web.Features.Panel;
using CommissioningPortal.Web.Features.People;
using CommissioningPortal.Web.Features.OffFrameworkApprovals;
using CommissioningPortal.Web.Features.Partnerships;
using CommissioningPortal.Web.Features.Processes;
using CommissioningPortal.Web.Features.ProviderDirectory;
using CommissioningPortal.Web.Features.ProviderOnboarding;
using CommissioningPortal.Web.Features.Providers;
using CommissioningPortal.Web.Features.Tasks;
using CommissioningPortal.Web.Features.Requests;
using CommissioningPortal.Web.Features.Templates;
using CommissioningPortal.Web.Features.Tendering;
using CommissioningPortal.Web.Features.Verification;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Infrastructure;

/// <summary>The composition root: <c>builder.AddPortal(); app.MapPortal();</c>.</summary>
public static class PortalApplication
{
    public const string SignInRateLimit = "sign-in";
    public const string RegistrationRateLimit = "registration";
    public const string CorrectionRateLimit = "correction";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.WebHost.UseStaticWebAssets();
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        services.TryAddSingletonTimeProvider();
        services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
        services.Configure<RateLimitingOptions>(builder.Configuration.GetSection(RateLimitingOptions.Section));
        builder.AddPortalDatabase();
        services.AddScoped<RecipeRunner>();
        services.AddDataProtection().SetApplicationName("CommissioningPortal").PersistKeysToDbContext<PortalDbContext>();

        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // Length over complexity (NCSC guidance): long passphrases are easier to remember.
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "portal_auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure over HTTPS (behind TLS in production)
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "portal_af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.HeaderName = "X-CSRF-TOKEN";
        });

        services.AddHttpContextAccessor();
        builder.AddPortalSecurity();
        builder.AddHttpHardening();
        builder.AddPortalScaleOut();
        services.AddScoped<IAuthorizationHandler, SameAuthorityHandler>();
        services.AddAuthorizationBuilder().AddPortalPolicies();

        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
        }).AddApplicationPart(typeof(Themes.Saltire.SaltireTheme).Assembly) // the theme's layout and partials
        .AddMvcOptions(o =>
        {
            // Say which field, in words, instead of "The value 'x' is not valid for WeeklyBudget."
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}' is not a valid {FieldWords(field)}");
            messages.SetValueMustBeANumberAccessor(field => $"Enter the {FieldWords(field)} as a number");
            messages.SetValueIsInvalidAccessor(value => $"'{value}' is not valid here");
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<PortalExceptionHandler>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = static async (context, ct) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Too many attempts from your connection. Please wait a minute and try again.", ct);
            };
            o.AddPolicy(SignInRateLimit, http => PerClient(http, static options => options.SignInPermitsPerMinute));
            o.AddPolicy(RegistrationRateLimit, http => PerClient(http, static options => options.RegistrationPermitsPerMinute));
            o.AddPolicy(CorrectionRateLimit, http => PerClient(http, static options => options.CorrectionPermitsPerMinute));
        });

        services.AddMemoryCache();

        // The features, each registering its services and its navigation entries (Features/<Feature>/<Feature>Feature.cs),
        // in the order their entries appear in the menu.
        builder.AddEmailFeature();
        builder.AddHomeFeature();
        builder.AddContentFeature();
        builder.AddProviderDirectoryFeature();
        builder.AddAuthoritiesFeature();
        builder.AddTasksFeature();
        builder.AddProcessesFeature();
        builder.AddVerificationFeature();
        builder.AddFrameworksFeature();
        builder.AddOpportunitiesFeature();
        builder.AddTenderingFeature();
        builder.AddEvaluationFeature();
        builder.AddTemplatesFeature();
        builder.AddProviderOnboardingFeature();
        builder.AddProvidersFeature();
        builder.AddAgreementsFeature();
        builder.AddPeopleFeature();
        builder.AddRequestsFeature();
        builder.AddOffFrameworkApprovalsFeature();
        builder.AddPartnershipsFeature();
        builder.AddInsightFeature();
        builder.AddPanelFeature();
        builder.AddAdminFeature();
        builder.AddAccountFeature();
        builder.AddOpenReferralFeature();
        return builder;
    }

    /// <summary>A fixed one-minute window per client address, applied to POSTs only.</summary>
    private static RateLimitPartition<string> PerClient(HttpContext http, Func<RateLimitingOptions, int> permits)
    {
        if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("get");
        var options = http.RequestServices.GetRequiredService<IOptions<RateLimitingOptions>>().Value;
        var limit = permits(options);
        return RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // The API gets problem details and a database outage the 503 page (both written here); any other error re-runs
        // the friendly /error page in place, answering with the error's own status (a 500 stays a 500, not a redirect).
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = StatusFor,
            CreateScopeForErrors = true,
        });
        app.UseHttpHardening();
        // Problem-details JSON for the API, the friendly page for people.
        app.UseWhen(static c => IsApi(c), static api => api.UseStatusCodePages());
        app.UseWhen(static c => !IsApi(c), static pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseSecurityHeaders();
        app.UseNulInForms();
        app.UseRouting();
        app.UseCors();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();
        app.UseAccountFeature();

        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapPortalHealth(WriteHealthAsync);
        app.MapSiteFiles();
        app.MapContentFeature();
        app.MapOpenReferralFeature();
        app.MapOpportunitiesFeature();
        app.MapProviderOnboardingFeature();
        app.MapTenderingApi();
        app.MapInsightFeature();
        return app;
    }

    private static int StatusFor(Exception error) =>
        // A query value that does not bind (page=abc on a minimal API): the caller's mistake, a 400 in every
        // environment (Development throws it where Production answers 400 directly).
        error is BadHttpRequestException bad ? bad.StatusCode
        : error is DbUpdateConcurrencyException ? StatusCodes.Status409Conflict
        : DatabaseOutage.IsOutage(error) ? StatusCodes.Status503ServiceUnavailable
        : StatusCodes.Status500InternalServerError;

    /// <summary>Unhandled errors, logged once: problem details JSON for the API and the outage page are written here; other page errors fall through to /error.</summary>
    internal sealed class PortalExceptionHandler(ILoggerFactory loggers, IProblemDetailsService problems) : IExceptionHandler
    {
        private readonly ILogger _logger = loggers.CreateLogger("CommissioningPortal.Errors");

        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception error, CancellationToken ct)
        {
            var path = context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path.Value;
            var status = StatusFor(error);
            if (status < 500) _logger.LogInformation("Refused a bad request on {Path}: {Reason}", path, error.Message);
            else _logger.LogError(error, "Unhandled error on {Path}", path);
            var outage = status == StatusCodes.Status503ServiceUnavailable;
            context.Response.StatusCode = status;
            if (outage)
            {
                context.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (IsApi(context) || path?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
            {
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = status,
                        Title = status switch
                        {
                            < 500 when error is BadHttpRequestException => error.Message,
                            409 => "Someone else changed this at the same time.",
                            503 => "The service is unavailable for a moment.",
                            _ => "Something went wrong on our side.",
                        },
                        Detail = outage ? $"Try again in {DatabaseOutage.RetryAfterSeconds} seconds."
                            : status < 500 ? "Correct the request and send it again."
                            : "The error has been logged. Please try again.",
                    },
                });
                return true;
            }
            if (outage)
            {
                await DatabaseOutage.WritePageAsync(context);
                return true;
            }
            return false;
        }
    }

    internal static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") ||
        context.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }

    /// <summary>Migrates the database, runs the reference-data recipe and, when configured, the demo recipe.</summary>
    public static async Task InitialisePortalAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        CheckWorkflowHandlers(scope.ServiceProvider);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var recipes = scope.ServiceProvider.GetRequiredService<RecipeRunner>();
        await recipes.RunAsync(RecipeRunner.ReferenceData);

        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        if (options.SeedDemo && !await db.Users.AnyAsync())
        {
            var demo = await recipes.RunAsync(RecipeRunner.Demo);
            await EvaluationDemo.SeedAsync(scope.ServiceProvider);
            if (options.PrintDemoLogins) DemoLogins.Print(demo, Console.Out);
        }
    }

    /// <summary>Every guard, handler or document renderer a definition names must exist, or start-up stops naming the file.</summary>
    private static void CheckWorkflowHandlers(IServiceProvider services) =>
        Workflows.WorkflowStartupCheck.Check(services, services.GetRequiredService<Workflows.Definitions.WorkflowDefinitionRegistry>());

    /// <summary>"WeeklyBudget" → "weekly budget".</summary>
    internal static string FieldWords(string field) =>
        string.Concat(field.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

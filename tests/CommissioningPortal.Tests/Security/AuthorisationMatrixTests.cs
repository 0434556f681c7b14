using System.Net;
using System.Text;
using CommissioningPortal.Data;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.Identity;
using CommissioningPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommissioningPortal.Tests.Security;

/// <summary>
/// Every route the portal maps (read from its endpoint data source), called by every kind of caller: anonymous;
/// each role of Glenmore (whose data the calls name) and of Ardbrae (another authority); both the provider whose
/// data it is (Bright Steps) and another provider (Loch View); the person, their representative, the administrator.
/// Each route's expected outcome for each caller is one row of <see cref="Matrix"/>; a route missing from the table
/// (a new page) fails the test until someone decides who may use it. GET shows what a caller can read; a POST without
/// an antiforgery token shows who gets past authorisation (refused callers are sent to sign in or refused before
/// the token is even checked; allowed ones meet the token check, 400) without changing anything.
/// Set MATRIX_DUMP to a file path to write the observed table (to review it before adopting it).
/// </summary>
public sealed class AuthorisationMatrixTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly PortalFactory _portal = new(DatabaseKind.Sqlite, new Dictionary<string, string?>(PortalFactory.QuietBackground));

    public ValueTask InitializeAsync()
    {
        _portal.EnsureStarted();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    /// <summary>The callers, in the order of the letters in each row.</summary>
    internal static readonly (string Name, string? Email)[] Callers =
    [
        ("anonymous", null),
        ("Glenmore commissioner", DemoUsers.GlenmoreCommissioner),
        ("Glenmore practitioner", DemoUsers.GlenmorePractitioner),
        ("Glenmore finance", DemoUsers.GlenmoreFinance),
        ("Glenmore panel", DemoUsers.Panel),
        ("Ardbrae commissioner", DemoUsers.ArdbraeCommissioner),
        ("Ardbrae practitioner", "practitioner@ardbrae.example"),
        ("Ardbrae finance", "finance@ardbrae.example"),
        ("Ardbrae panel", "panel@ardbrae.example"),
        ("Bright Steps (the data's provider)", DemoUsers.Provider),
        ("Loch View (another provider)", "micro@lochview.example"),
        ("person", DemoUsers.Person),
        ("representative", "representative@people.example"),
        ("administrator", DemoUsers.Administrator),
    ];

    // Outcome letters:
    //   A  allowed: 2xx, or a redirect somewhere other than sign-in or access denied
    //   L  asked to sign in: a redirect to /account/login (pages) or 401 (API)
    //   D  refused: 403, 404, or a redirect to /account/access-denied
    //   B  past authorisation but refused as a request: 400 (a POST without its antiforgery token), 405 (no such handler)
    //   -  not called (the route has no such method)
    // Columns: anon | Glenmore: commissioner practitioner finance panel | Ardbrae: the same four | Bright Steps, Loch View | person, representative | administrator
    internal static readonly Row[] Matrix =
    [
        new("/", "/", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        // The refusal page itself answers 403.
        new("/account/access-denied", "/account/access-denied", "DDDDDDDDDDDDDD", "BBBBBBBBBBBBBB"),
        new("/account/check-email", "/account/check-email", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/account/confirm-email", "/account/confirm-email", "BBBBBBBBBBBBBB", "BBBBBBBBBBBBBB"),
        new("/account/forgot-password", "/account/forgot-password", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/account/login", "/account/login", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/account/login-with-2fa", "/account/login-with-2fa", "LLLLLLLLLLLLLL", "BBBBBBBBBBBBBB"),
        new("/account/login-with-recovery-code", "/account/login-with-recovery-code", "LLLLLLLLLLLLLL", "BBBBBBBBBBBBBB"),
        new("/account/logout", "/account/logout", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/account/manage", "/account/manage", "LAAAAAAAAAAAAA", "LBBBBBBBBBBBBB"),
        new("/account/manage/change-password", "/account/manage/change-password", "LAAAAAAAAAAAAA", "LBBBBBBBBBBBBB"),
        new("/account/manage/two-factor/{handler?}", "/account/manage/two-factor", "LAAAAAAAAAAAAA", "LBBBBBBBBBBBBB"),
        new("/account/register", "/account/register", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/account/resend-confirmation", "/account/resend-confirmation", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/account/reset-password", "/account/reset-password", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/admin", "/admin", "LDDDDDDDDDDDDA", "LDDDDDDDDDDDDB"),
        new("/admin/authorities/{handler?}", "/admin/authorities", "LDDDDDDDDDDDDA", "LDDDDDDDDDDDDB"),
        new("/admin/pages/new", "/admin/pages/new", "LDDDDDDDDDDDDA", "LDDDDDDDDDDDDB"),
        new("/admin/pages/{handler?}", "/admin/pages", "LDDDDDDDDDDDDA", "LDDDDDDDDDDDDB"),
        new("/admin/pages/{slug}/edit", "/admin/pages/your-four-sds-options/edit", "LDDDDDDDDDDDDA", "LDDDDDDDDDDDDB"),
        new("/admin/pages/{slug}/history", "/admin/pages/your-four-sds-options/history", "LDDDDDDDDDDDDA", "LDDDDDDDDDDDDB"),
        new("/admin/pages/{slug}/preview", "/admin/pages/your-four-sds-options/preview", "LDDDDDDDDDDDDA", "LDDDDDDDDDDDDB"),
        new("/admin/pages/{slug}/revisions/{number:int}", "/admin/pages/your-four-sds-options/revisions/1", "LDDDDDDDDDDDDA", "LDDDDDDDDDDDDB"),
        new("/admin/pages/{slug}/{act:regex(^(publish|unpublish)$)}", "/admin/pages/your-four-sds-options/unpublish", "LDDDDDDDDDDDDA", "LDDDDDDDDDDDDB"),
        new("/admin/users/{handler?}", "/admin/users", "LDDDDDDDDDDDDA", "LDDDDDDDDDDDDB"),
        new("/agreements/new/{handler?}", "/agreements/new", "LDADDDADDDDDDD", "LBBBDBBBDDDDDD"),
        new("/agreements/{handler?}", "/agreements", "LAAAAAAAAAAAAA", "LBBBBBBBBBBBBB"),
        // An agreement: its authority's staff, its provider, the person (the representative once linked). Never Ardbrae, Loch View, the panel or the administrator.
        new("/agreements/{id:guid}", "/agreements/{agreement}", "LAAADDDDDADADD", "LBBBBBBBBBBBBB"),
        new("/agreements/{id:guid}/ledger/{handler?}", "/agreements/{agreement}/ledger", "LAAADDDDDADADD", "LBBBBBBBBBBBBB"),
        // Only whoever may post an entry's kind may reverse it: the seeded entry is Bright Steps's purchase.
        new("/agreements/{id:guid}/ledger/entries/{entryId:guid}/reverse", "/agreements/{agreement}/ledger/entries/{entry}/reverse", "LDDDDDDDDADDDD", "LBBBBBBBBBBBBB"),
        new("/agreements/{id:guid}/vary", "/agreements/{agreement}/vary", "LDADDDDDDDDDDD", "LDBDDDBDDDDDDD"),
        new("/agreements/{id:guid}/v{number:int}/{kind:regex(^(offered|final)$)}", "/agreements/{agreement}/v1/offered", "LAAADDDDDADADD", "LBBBBBBBBBBBBB"),
        // Off-framework approvals (issue 17): the commissioners of the approval's authority decide (another authority's get a 404).
        new("/approvals", "/approvals", "LADDDADDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/approvals/{id:guid}/{handler?}", "/approvals/{approval}", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        // Partnership workspaces (issue 19): members only (Glenmore's commissioner, Bright Steps); everyone else a 404. A POST meets the antiforgery check first.
        new("/partnerships", "/partnerships", "LAAAAAAAAAAAAA", "LBBBBBBBBBBBBB"),
        new("/partnerships/new", "/partnerships/new", "LADDDADDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/partnerships/join/{token}", "/partnerships/join/{partnershipToken}", "LDDDDDDDDADDDD", "LBBBBBBBBBBBBB"),
        new("/partnerships/{id:guid}/{handler?}", "/partnerships/{partnership}", "LADDDDDDDADDDD", "LBBBBBBBBBBBBB"),
        // The shared budget is an alliance's: the matrix's partnership is a PSP, so it is a 404 even to its members.
        new("/partnerships/{id:guid}/budget/{handler?}", "/partnerships/{partnership}/budget", "LDDDDDDDDDDDDD", "LBBBBBBBBBBBBB"),
        new("/partnerships/{id:guid}/decisions/{handler?}", "/partnerships/{partnership}/decisions", "LADDDDDDDADDDD", "LBBBBBBBBBBBBB"),
        new("/partnerships/{id:guid}/documents/{handler?}", "/partnerships/{partnership}/documents", "LADDDDDDDADDDD", "LBBBBBBBBBBBBB"),
        new("/partnerships/{id:guid}/pilot/{handler?}", "/partnerships/{partnership}/pilot", "LADDDDDDDADDDD", "LBBBBBBBBBBBBB"),
        new("/partnerships/{id:guid}/record/{handler?}", "/partnerships/{partnership}/record", "LADDDDDDDADDDD", "LBBBBBBBBBBBBB"),
        new("/partnerships/{id:guid}/registers/{register}.csv", "/partnerships/{partnership}/registers/risks.csv", "LADDDDDDDADDDD", "LBBBBBBBBBBBBB"),
        new("/partnerships/{id:guid}/report.pdf", "/partnerships/{partnership}/report.pdf", "LADDDDDDDADDDD", "LBBBBBBBBBBBBB"),
        new("/api/openreferral/", "/api/openreferral/", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/openreferral/organizations", "/api/openreferral/organizations", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/openreferral/organizations/{id}", "/api/openreferral/organizations/{provider}", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/openreferral/service_at_locations", "/api/openreferral/service_at_locations", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/openreferral/service_at_locations/{id}", "/api/openreferral/service_at_locations/{service_at_location}", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/openreferral/services", "/api/openreferral/services", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/openreferral/services/{id}", "/api/openreferral/services/{service}", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/openreferral/taxonomies", "/api/openreferral/taxonomies", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/openreferral/taxonomies/{id}", "/api/openreferral/taxonomies/{taxonomy}", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/openreferral/taxonomy_terms", "/api/openreferral/taxonomy_terms", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/openreferral/taxonomy_terms/{id}", "/api/openreferral/taxonomy_terms/{term}", "AAAAAAAAAAAAAA", "--------------"),
        // Tendering (ADR 0019): the opportunity's own commissioners only (never Ardbrae, never the administrator); sealed content is empty until opened.
        new("/api/tendering/{id:guid}/responses", "/api/tendering/{opportunity}/responses", "LADDDDDDDDDDDD", "--------------"),
        // OCDS open data: anyone, read-only (a record that is not there is a 404).
        new("/api/ocds/records/{ocid}", "/api/ocds/records/{ocid}", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/ocds/releases", "/api/ocds/releases", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/ocds/releases/bulk", "/api/ocds/releases/bulk", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/{documentName}/openapi.json", "/api/openreferral/openapi.json", "AAAAAAAAAAAAAA", "--------------"),
        new("/authority", "/authority", "LAAAAAAAADDDDA", "LBBBBBBBBBBBBB"),
        new("/authority/{authority}", "/authority/glenmore", "LAAADDDDDDDDDA", "LBBBDDDDDDDDDB"),
        new("/authority/{authority}/admin/{handler?}", "/authority/glenmore/admin", "LADDDDDDDDDDDA", "LBDDDDDDDDDDDB"),
        new("/authority/{authority}/policies", "/authority/glenmore/policies", "LADDDDDDDDDDDA", "LBDDDDDDDDDDDB"),
        // Commissioner insight (issue 21): the route's authority's commissioners only (Ardbrae's get a 404, not the administrator); /insight takes any commissioner to their own.
        new("/authority/{authority}/insight", "/authority/glenmore/insight", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/authority/{authority}/insight/market/providers", "/authority/glenmore/insight/market/providers", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/authority/{authority}/insight/statement.pdf", "/authority/glenmore/insight/statement.pdf", "LADDDDDDDDDDDD", "--------------"),
        new("/authority/{authority}/insight/{section:regex(^(market|demand|options|prices|frameworks)$)}", "/authority/glenmore/insight/market", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/authority/{authority}/insight/{section}/{table}.csv", "/authority/glenmore/insight/market/market-kinds.csv", "LADDDDDDDDDDDD", "--------------"),
        new("/insight", "/insight", "LADDDADDDDDDDD", "LBDDDBDDDDDDDD"),
        // The same figures as open data, small numbers suppressed: anyone.
        new("/api/insight/{authority}", "/api/insight/glenmore", "AAAAAAAAAAAAAA", "--------------"),
        new("/api/insight/{authority}/{table}.csv", "/api/insight/glenmore/market-kinds.csv", "AAAAAAAAAAAAAA", "--------------"),
        // An authority's opportunities: its own commissioners only (not administrators: procurement is the authority's).
        new("/authority/{authority}/opportunities", "/authority/glenmore/opportunities", "LADDDDDDDDDDDD", "LBDDDDDDDDDDDD"),
        new("/authority/{authority}/opportunities/new", "/authority/glenmore/opportunities/new", "LADDDDDDDDDDDD", "LBDDDDDDDDDDDD"),
        new("/authority/{authority}/opportunities/{id:guid}/edit", "/authority/glenmore/opportunities/{draftOpportunity}/edit", "LADDDDDDDDDDDD", "LBDDDDDDDDDDDD"),
        new("/authority/{authority}/opportunities/{id:guid}/preview", "/authority/glenmore/opportunities/{draftOpportunity}/preview", "LADDDDDDDDDDDD", "LBDDDDDDDDDDDD"),
        new("/authority/{authority}/opportunities/{id:guid}/publish", "/authority/glenmore/opportunities/{draftOpportunity}/publish", "LADDDDDDDDDDDD", "LBDDDDDDDDDDDD"),
        new("/authority/{authority}/opportunities/{id:guid}/{act:regex(^(close|cancel)$)}", "/authority/glenmore/opportunities/{opportunity}/close", "LADDDDDDDDDDDD", "LBDDDDDDDDDDDD"),
        new("/authority/{authority}/opportunities/{id:guid}/{handler?}", "/authority/glenmore/opportunities/{opportunity}", "LADDDDDDDDDDDD", "LBDDDDDDDDDDDD"),
        new("/authority/{authority}/templates", "/authority/glenmore/templates", "LADDDDDDDDDDDA", "LBDDDDDDDDDDDB"),
        new("/authority/{authority}/templates/{id:guid}/{handler?}", "/authority/glenmore/templates/{template}", "LADDDDDDDDDDDA", "LBDDDDDDDDDDDB"),
        new("/cookies", "/cookies", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        // Hiding the cookie notice takes no antiforgery token, by design (Features/Cookies): the worst a forged post does is hide it.
        new("/cookies/accept", "/cookies/accept", "AAAAAAAAAAAAAA", "AAAAAAAAAAAAAA"),
        new("/directory", "/directory", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/directory/shortlist", "/directory/shortlist", "LDADDDADDDDAAD", "LDBDDDBDDDDBBD"),
        new("/directory/{id:guid}", "/directory/{provider}", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/error/{code:int?}", "/error/404", "DDDDDDDDDDDDDD", "DDDDDDDDDDDDDD"),
        // Passport evidence: the provider itself and any authority's commissioners (a passport is proved once, for every authority), and administrators.
        new("/evidence/{itemId:guid}", "/evidence/{passport}", "LADDDADDDADDDA", "--------------"),
        // A panel member's own evaluation page: only those seated (here Glenmore's commissioner and panel member); a response is not found while sealed.
        new("/evaluation/{id:guid}", "/evaluation/{opportunity}", "LADDADDDDDDDDD", "LBDDBBDDBDDDDD"),
        new("/evaluation/{id:guid}/responses/{responseId:guid}", "/evaluation/{opportunity}/responses/{response}", "LDDDDDDDDDDDDD", "LBDDBBDDBDDDDD"),
        new("/favicon.ico", "/favicon.ico", "AAAAAAAAAAAAAA", "--------------"),
        // A published opportunity is public to everyone (a draft's page is a 404: PublicOpportunitiesTests).
        new("/opportunities", "/opportunities", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/opportunities.atom", "/opportunities.atom", "AAAAAAAAAAAAAA", "--------------"),
        // Saved searches and following: providers' users.
        new("/opportunities/alerts/{handler?}", "/opportunities/alerts", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/opportunities/{id:guid}", "/opportunities/{opportunity}", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        // A published opportunity's documents are public (a draft's are a 404: CommissionerOpportunityTests).
        new("/opportunities/{id:guid}/documents/{documentId:guid}", "/opportunities/{opportunity}/documents/{opportunityDocument}", "AAAAAAAAAAAAAA", "--------------"),
        new("/opportunities/{id:guid}/follow", "/opportunities/{opportunity}/follow", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/frameworks", "/frameworks", "LADDDADDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/frameworks/new", "/frameworks/new", "LADDDADDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/frameworks/{id:guid}", "/frameworks/{framework}", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/frameworks/{id:guid}/lots/new", "/frameworks/{framework}/lots/new", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/frameworks/{id:guid}/lots/{lotId:guid}/admit", "/frameworks/{framework}/lots/{lot}/admit", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/frameworks/{id:guid}/members/{memberId:guid}/{change:regex(^(suspend|withdraw|reinstate)$)}", "/frameworks/{framework}/members/{member}/suspend", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/frameworks/{id:guid}/rounds/{handler?}", "/frameworks/{framework}/rounds", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/frameworks/{id:guid}/members/{memberId:guid}/price", "/frameworks/{framework}/members/{member}/price", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/frameworks/{id:guid}/call-offs/{handler?}", "/frameworks/{framework}/call-offs", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/frameworks/{id:guid}/call-offs/{callOffId:guid}", "/frameworks/{framework}/call-offs/{calloff}", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        // A mini-competition's package: only the providers invited to it (Bright Steps here); anyone else is told it does not exist (a POST without a token stops at the token check for any provider).
        new("/call-offs/{callOffId:guid}", "/call-offs/{calloff}", "LDDDDDDDDADDDD", "LDDDDDDDDBBDDD"),
        new("/frameworks/{id:guid}/{change:regex(^(make-live|end)$)}", "/frameworks/{framework}/end", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        // Health endpoints answer any method, as load balancers expect.
        new("/health", "/health", "AAAAAAAAAAAAAA", "AAAAAAAAAAAAAA"),
        new("/health/live", "/health/live", "AAAAAAAAAAAAAA", "AAAAAAAAAAAAAA"),
        new("/health/ready", "/health/ready", "AAAAAAAAAAAAAA", "AAAAAAAAAAAAAA"),
        new("/home", "/home", "LAAAAAAAAAAAAA", "LBBBBBBBBBBBBB"),
        new("/my-support", "/my-support", "LDDDDDDDDDDAAD", "LDDDDDDDDDDBBD"),
        new("/pages/{slug}", "/pages/your-four-sds-options", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        // A person's record (issue 17): the person, their representative (once linked), their allocated practitioner and, after
        // the choice, the chosen provider (here Bright Steps, with an agreement); for anyone else it does not exist (404).
        new("/people", "/people", "LDADDDADDDDDDD", "LDBDDDBDDDDDDD"),
        new("/people/new", "/people/new", "LDADDDADDDDDDD", "LDBDDDBDDDDDDD"),
        new("/people/{id:guid}", "/people/{person}", "LDADDDDDDADADD", "LBBBBBBBBBBBBB"),
        new("/people/{id:guid}/hand-over", "/people/{person}/hand-over", "LDADDDDDDDDDDD", "LDBDDDBDDDDDDD"),
        new("/people/{id:guid}/requests/new", "/people/{person}/requests/new", "LDADDDDDDDDADD", "LBBBBBBBBBBBBB"),
        new("/panel", "/panel", "LDDDADDDADDDDD", "LDDDBDDDBDDDDD"),
        new("/processes/definitions/{id}/v{version:int}", "/processes/definitions/{definition}/v{definitionVersion}", "LAAADAAADDDDDA", "LBBBBBBBBBBBBB"),
        new("/processes/start/{id?}", "/processes/start", "LAADDAADDDDDDD", "LBBBBBBBBBBBBB"),
        new("/processes/{handler?}", "/processes", "LAAADAAADDDDDA", "LBBBBBBBBBBBBB"),
        // A process: its authority's staff and administrators; the parties of an agreement process (provider, person).
        new("/processes/{id:guid}", "/processes/{process}", "LAAADDDDDADADA", "LBBBBBBBBBBBBB"),
        new("/provider", "/provider", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/provider/colleagues", "/provider/colleagues", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/provider/corrections", "/provider/corrections", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/provider/join/{token}", "/provider/join/not-a-real-invitation", "LBBBBBBBBBBBBB", "LBBBBBBBBBBBBB"),
        new("/provider/my-data", "/provider/my-data", "LDDDDDDDDDADDD", "LDDDDDDDDBBDDD"),
        new("/provider/my-data/closed", "/provider/my-data/closed", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
        new("/provider/passport", "/provider/passport", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/provider/passport/item/{id:guid?}", "/provider/passport/item/{passport}", "LDDDDDDDDADDDD", "LDDDDDDDDBBDDD"),
        new("/provider/refresh", "/provider/refresh", "LAAAAAAAAAAAAA", "LBBBBBBBBBBBBB"),
        new("/provider/register/saved", "/provider/register/saved", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/provider/register/{step?}", "/provider/register", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/provider/services", "/provider/services", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/provider/services/edit/{id:guid?}", "/provider/services/edit/{service}", "LDDDDDDDDADDDD", "LDDDDDDDDBBDDD"),
        // Requests: providers see those their services match (Bright Steps works in North Glenmore; Loch View does not), anonymised;
        // the person's side is the record's readers'.
        new("/requests", "/requests", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/requests/{id:guid}/{handler?}", "/requests/{request}", "LDADDDDDDADADD", "LBBBBBBBBBBBBB"),
        new("/robots.txt", "/robots.txt", "AAAAAAAAAAAAAA", "--------------"),
        new("/sitemap.xml", "/sitemap.xml", "AAAAAAAAAAAAAA", "--------------"),
        // Tendering: each opportunity's workspace, questions and responses are its authority's commissioners' only; one response is
        // not found for anyone while sealed (ADR 0019). Providers ask questions and respond; nobody else does.
        new("/tendering", "/tendering", "LADDDADDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/tendering/{id:guid}", "/tendering/{opportunity}", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/tendering/{id:guid}/clarifications", "/tendering/{opportunity}/clarifications", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/tendering/{id:guid}/responses", "/tendering/{opportunity}/responses", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/tendering/{id:guid}/responses/{responseId:guid}", "/tendering/{opportunity}/responses/{response}", "LDDDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        // Evaluation (issue 16): the panel, moderation, results and letters are the opportunity's commissioners' (moderation, results and
        // letters are not found before scoring closes or the award is decided); the authority's price floors are its commissioners'.
        new("/tendering/{id:guid}/evaluation", "/tendering/{opportunity}/evaluation", "LADDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/tendering/{id:guid}/moderation", "/tendering/{opportunity}/moderation", "LDDDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/tendering/{id:guid}/results", "/tendering/{opportunity}/results", "LDDDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/tendering/{id:guid}/letters/{responseId:guid}", "/tendering/{opportunity}/letters/{response}", "LDDDDDDDDDDDDD", "LBDDDBDDDDDDDD"),
        new("/tendering/price-floors", "/tendering/price-floors", "LADDDADDDDDDDD", "LBDDDBDDDDDDDD"),
        // A provider's own responses (envelopes only): providers' users.
        new("/tenders/mine", "/tenders/mine", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/tenders/{id:guid}/consortium", "/tenders/{opportunity}/consortium", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        // A bidder's own feedback letter once sent (none is, here).
        new("/tenders/{id:guid}/feedback", "/tenders/{opportunity}/feedback", "LDDDDDDDDDDDDD", "LDDDDDDDDBBDDD"),
        new("/tenders/{id:guid}/questions", "/tenders/{opportunity}/questions", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/tenders/{id:guid}/respond", "/tenders/{opportunity}/respond", "LDDDDDDDDAADDD", "LDDDDDDDDBBDDD"),
        new("/tasks/{id:guid?}/{handler?}", "/tasks", "LAAAAAAAAAAAAA", "LBBBBBBBBBBBBB"),
        // Verifying passports is national: any authority's commissioner, and administrators.
        new("/verification", "/verification", "LADDDADDDDDDDA", "LBDDDBDDDDDDDB"),
        new("/verification/{id:guid}/{handler?}", "/verification/{passport}", "LADDDADDDDDDDA", "LBDDDBDDDDDDDB"),
        new("/verify", "/verify", "AAAAAAAAAAAAAA", "BBBBBBBBBBBBBB"),
    ];

    internal sealed record Row(string Pattern, string Path, string Get, string Post);

    [Fact]
    public async Task Every_route_answers_every_caller_as_its_row_says()
    {
        var ids = await SeedAsync(_portal);
        var patterns = RoutePatterns();
        var clients = new List<PortalClient>();
        try
        {
            foreach (var (_, email) in Callers)
            {
                var client = _portal.CreatePortalClient();
                if (email is not null) await client.SignInAsync(email);
                clients.Add(client);
            }

            var dump = Environment.GetEnvironmentVariable("MATRIX_DUMP");
            var rows = Matrix.ToDictionary(r => r.Pattern);
            var failures = new List<string>();
            foreach (var pattern in patterns.Where(p => !rows.ContainsKey(p)))
                failures.Add($"route '{pattern}' is not in the authorisation matrix: add its row");
            foreach (var row in Matrix.Where(r => !patterns.Contains(r.Pattern)))
                failures.Add($"row '{row.Pattern}' names a route the portal no longer maps: remove it");

            var observed = new StringBuilder();
            foreach (var pattern in patterns.Order(StringComparer.Ordinal))
            {
                rows.TryGetValue(pattern, out var row);
                var path = Substitute(row?.Path ?? SamplePath(pattern), ids);
                var methods = Methods(pattern);
                var get = methods.Contains("GET") ? await ObserveAsync(clients, HttpMethod.Get, path) : new string('-', Callers.Length);
                var post = methods.Contains("POST") ? await ObserveAsync(clients, HttpMethod.Post, path) : new string('-', Callers.Length);
                observed.AppendLine($"        new(\"{pattern}\", \"{row?.Path ?? SamplePath(pattern)}\", \"{get}\", \"{post}\"),");
                if (row is null) continue;
                Compare(row, "GET", row.Get, get, path, failures);
                Compare(row, "POST", row.Post, post, path, failures);
            }
            if (!string.IsNullOrEmpty(dump)) await File.WriteAllTextAsync(dump, observed.ToString(), Ct);
            Assert.True(failures.Count == 0, $"{failures.Count} differences from the authorisation matrix:\n" + string.Join("\n", failures));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private static void Compare(Row row, string method, string expected, string actual, string path, List<string> failures)
    {
        for (var i = 0; i < Callers.Length; i++)
        {
            if (expected[i] != actual[i])
                failures.Add($"{method} {path} ({row.Pattern}) as {Callers[i].Name}: expected {Describe(expected[i])}, got {Describe(actual[i])}");
        }
    }

    private static string Describe(char outcome) => outcome switch
    {
        'A' => "allowed (A)",
        'L' => "asked to sign in (L)",
        'D' => "refused (D)",
        'B' => "a rejected request (B)",
        '-' => "not called (-)",
        _ => $"'{outcome}'",
    };

    private static async Task<string> ObserveAsync(List<PortalClient> clients, HttpMethod method, string path)
    {
        var outcome = new char[clients.Count];
        for (var i = 0; i < clients.Count; i++)
        {
            using var request = new HttpRequestMessage(method, path);
            if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent([]);
            using var response = await clients[i].Http.SendAsync(request, Ct);
            outcome[i] = Classify(response);
        }
        return new string(outcome);
    }

    private static char Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        if (status is >= 300 and < 400)
        {
            if (location.Contains("/account/login", StringComparison.OrdinalIgnoreCase)) return 'L';
            if (location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase)) return 'D';
            return 'A';
        }
        return status switch
        {
            >= 200 and < 300 => 'A',
            401 => 'L',
            403 or 404 => 'D',
            400 or 405 => 'B',
            _ => 'X', // a 5xx (or anything else) is never expected
        };
    }

    private HashSet<string> RoutePatterns()
    {
        var endpoints = _portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => Normalise(e.RoutePattern.RawText))
            .Where(p => p != "/{**path:file}") // the static-file fallback
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string Normalise(string? raw) => "/" + (raw ?? "").TrimStart('/');

    private HashSet<string> Methods(string pattern)
    {
        var endpoints = _portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => Normalise(e.RoutePattern.RawText) == pattern);
        var methods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            var declared = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (declared is null || declared.Count == 0) { methods.Add("GET"); methods.Add("POST"); }
            else foreach (var m in declared) methods.Add(m);
        }
        return methods;
    }

    /// <summary>A first guess at a path for a route not yet in the table (for the dump).</summary>
    private static string SamplePath(string pattern)
    {
        var parts = pattern.Split('/').Where(p => !(p.StartsWith('{') && p.EndsWith("?}"))).Select(p => p switch
        {
            "{authority}" => "glenmore",
            _ when p.StartsWith('{') => "{" + p.Trim('{', '}').Split(':')[0] + "}",
            _ => p,
        });
        return string.Join('/', parts) is { Length: > 0 } s ? s : "/";
    }

    internal static string Substitute(string path, IReadOnlyDictionary<string, string> ids)
    {
        foreach (var (name, value) in ids) path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return path;
    }

    /// <summary>Glenmore's and Bright Steps's records that the routes name, and the Ardbrae users the demo does not have.</summary>
    internal static async Task<IReadOnlyDictionary<string, string>> SeedAsync(PortalFactory portal)
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var ardbrae = await db.Authorities.Where(a => a.Code == "ardbrae").Select(a => a.Id).SingleAsync(Ct);
            foreach (var (email, role) in new[] { ("practitioner@ardbrae.example", Roles.Practitioner), ("finance@ardbrae.example", Roles.FinanceOfficer), ("panel@ardbrae.example", Roles.PanelMember) })
            {
                var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = role + " (Ardbrae)", AuthorityId = ardbrae, CreatedAt = portal.Clock.GetUtcNow() };
                Check(await users.CreateAsync(user, DemoUsers.Password));
                Check(await users.AddToRoleAsync(user, role));
                if (role != Roles.PanelMember)
                {
                    Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", DemoUsers.AuthenticatorKey));
                    Check(await users.SetTwoFactorEnabledAsync(user, true));
                }
            }
        }

        var agreement = await OfferAgreementAsync(portal);
        var openData = await OpenDataIdsAsync(portal);
        var evidence = portal.Services.GetRequiredService<CommissioningPortal.Web.Features.ProviderOnboarding.IEvidenceStore>();
        return await portal.WithDbAsync(async db =>
        {
            var glenmore = await db.Authorities.Where(a => a.Code == "glenmore").Select(a => a.Id).SingleAsync(Ct);
            var brightSteps = await db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct);
            var framework = await db.Frameworks.Where(f => f.AuthorityId == glenmore).OrderBy(f => f.Id).FirstAsync(Ct);
            var lot = await db.Lots.Where(l => l.FrameworkId == framework.Id).OrderBy(l => l.Id).FirstAsync(Ct);
            var member = await db.LotMembers.Where(m => m.LotId == lot.Id).OrderBy(m => m.Id).FirstAsync(Ct);
            var process = await db.WorkflowInstances.Where(w => w.AuthorityId == glenmore).OrderBy(w => w.Id).FirstAsync(Ct);
            var passport = await db.PassportItems.Where(p => p.ProviderId == brightSteps && p.EvidenceFileName != null).OrderBy(p => p.Id).FirstAsync(Ct);
            // The demo names its evidence files without storing them: store one, so the download route has a file to refuse or give.
            using (var content = new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray()))
                db.Entry(passport).Property(p => p.EvidenceLocation).CurrentValue = await evidence.SaveAsync(content, Ct);
            db.Entry(passport).Property(p => p.EvidenceContentType).CurrentValue = "application/pdf";
            var service = await db.Services.Where(s => s.ProviderId == brightSteps).OrderBy(s => s.Id).FirstAsync(Ct);
            var task = await db.WorkItems.Where(w => w.AuthorityId == glenmore).OrderBy(w => w.Id).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(Ct);
            // The ledger opens once a version is authorised: open it, with one purchase by Bright Steps to reverse.
            var version = await db.IsfAgreementVersions.Where(v => v.AgreementId == agreement).OrderBy(v => v.Number).FirstAsync(Ct);
            version.AuthorisedAt = portal.Clock.GetUtcNow();
            var terms = CommissioningPortal.Web.Features.Agreements.AgreementService.Terms(version);
            var purchase = LedgerEntry.Purchase(terms.StartDate, 12.50m, "Bright Steps Care", "Swimming");
            db.LedgerEntries.Add(purchase);
            db.Entry(purchase).Property(CommissioningPortal.Data.Configurations.LedgerEntryConfiguration.AgreementId).CurrentValue = agreement;
            db.Entry(purchase).Property(CommissioningPortal.Data.Configurations.LedgerEntryConfiguration.PostedAt).CurrentValue = portal.Clock.GetUtcNow();
            var now = portal.Clock.GetUtcNow();
            var opportunity = CommissioningPortal.Domain.Opportunities.Opportunity.CreateDraft(glenmore, new CommissioningPortal.Domain.Opportunities.OpportunityDetails
            {
                Kind = CommissioningPortal.Domain.Opportunities.OpportunityKind.OpenTender, Title = "Care at home", Summary = "Support at home.",
                SubmissionDeadline = now.AddDays(30), QualityWeight = 70, PriceWeight = 20, FairWorkWeight = 10,
            }, now, "matrix test");
            opportunity.Publish(now, "matrix test");
            using (var content = new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray()))
                opportunity.AddDocument("Specification", "specification.pdf", "application/pdf", 15, await evidence.SaveAsync(content, Ct), now, "matrix test");
            db.Opportunities.Add(opportunity);
            var draftOpportunity = CommissioningPortal.Domain.Opportunities.Opportunity.CreateDraft(glenmore, opportunity.Details() with { Title = "Draft care at home" }, now, "matrix test");
            db.Opportunities.Add(draftOpportunity);
            // Tendering: a questionnaire, and Bright Steps's response, submitted and sealed (its page is a 404 to everyone until opened).
            var questionnaire = CommissioningPortal.Domain.Tendering.Questionnaire.For(opportunity.Id, glenmore);
            questionnaire.AddSection("Quality");
            db.Questionnaires.Add(questionnaire);
            var tenderResponse = CommissioningPortal.Domain.Tendering.TenderResponse.Start(opportunity.Id, brightSteps, false, now, opportunity.SubmissionDeadline);
            tenderResponse.Submit(now, opportunity.SubmissionDeadline, false, new string('0', 64));
            db.TenderResponses.Add(tenderResponse);
            // Evaluation: Glenmore's commissioner and panel member sit on the opportunity's panel.
            var evaluation = CommissioningPortal.Domain.Evaluations.Evaluation.Start(opportunity.Id, glenmore, now, "matrix test");
            foreach (var (email, role) in new[] { (DemoUsers.GlenmoreCommissioner, CommissioningPortal.Domain.Evaluations.PanelRole.Commissioner), (DemoUsers.Panel, CommissioningPortal.Domain.Evaluations.PanelRole.LivedExperience) })
            {
                var seated = await db.Users.SingleAsync(u => u.Email == email, Ct);
                evaluation.AddMember(seated.Id, seated.DisplayName, email, role);
            }
            db.Evaluations.Add(evaluation);
            // The person's journey: Jamie Reid's record (the agreement's), a request in North Glenmore, and an off-framework approval.
            var person = await db.SupportedPeople.SingleAsync(p => db.IsfAgreements.Any(a => a.Id == agreement && a.SupportedPersonId == p.Id), Ct);
            var north = await db.Localities.Where(l => l.AuthorityId == glenmore && l.Code == "north").Select(l => l.Id).SingleAsync(Ct);
            var supportRequest = CommissioningPortal.Domain.People.SupportRequest.Post(person, "GLE-REQ-9001", new CommissioningPortal.Domain.People.SupportRequest.Details(
                "Go swimming every week", "personal-care", null, north, 10, 300, DateOnly.FromDateTime(now.UtcDateTime).AddDays(14), null, null), "matrix test", now);
            db.SupportRequests.Add(supportRequest);
            var lochView = await db.Providers.Where(p => p.Name == "Loch View Community Care").Select(p => p.Id).SingleAsync(Ct);
            // An id that sorts last, so "the first Glenmore process" other rows use stays the same.
            var approvalInstance = new CommissioningPortal.Domain.Workflows.WorkflowInstance
            {
                Id = Guid.Parse("ffffffff-ffff-4fff-bfff-fffffffffff1"), DefinitionId = "off-framework-approval", DefinitionVersion = 1, State = "requested",
                Title = "Off-framework approval: matrix test", AuthorityId = glenmore, StartedAt = now,
            };
            db.WorkflowInstances.Add(approvalInstance);
            db.OffFrameworkApprovals.Add(new CommissioningPortal.Domain.Approvals.OffFrameworkApproval(approvalInstance.Id, lochView, CommissioningPortal.Domain.Tenancy.ProviderKind.MicroProvider, now));
            // A Public Social Partnership of Glenmore's with Bright Steps a member (issue 19); an id that sorts last, like the approval's.
            var pspInstance = new CommissioningPortal.Domain.Workflows.WorkflowInstance
            {
                Id = Guid.Parse("ffffffff-ffff-4fff-bfff-fffffffffff2"), DefinitionId = "public-social-partnership", DefinitionVersion = 2, State = "forming",
                Title = "PSP: matrix test", AuthorityId = glenmore, StartedAt = now,
            };
            db.WorkflowInstances.Add(pspInstance);
            var partnership = new CommissioningPortal.Domain.Partnerships.Partnership(CommissioningPortal.Domain.Partnerships.PartnershipKind.PublicSocialPartnership, glenmore, "Matrix PSP", "A test.", pspInstance.Id, null, "matrix test", now);
            db.Partnerships.Add(partnership);
            var commissionerId = await db.Users.Where(u => u.Email == DemoUsers.GlenmoreCommissioner).Select(u => u.Id).SingleAsync(Ct);
            var providerUserId = await db.Users.Where(u => u.Email == DemoUsers.Provider).Select(u => u.Id).SingleAsync(Ct);
            var authorityMember = new CommissioningPortal.Domain.Partnerships.PartnershipMember(partnership.Id, "Glenmore", DemoUsers.GlenmoreCommissioner, CommissioningPortal.Domain.Partnerships.PartnerRole.Authority, "matrix test", now);
            authorityMember.Join(commissionerId, now);
            var providerMember = new CommissioningPortal.Domain.Partnerships.PartnershipMember(partnership.Id, "Bright Steps Care", DemoUsers.Provider, CommissioningPortal.Domain.Partnerships.PartnerRole.Provider, "matrix test", now);
            providerMember.Join(providerUserId, now);
            db.PartnershipMembers.AddRange(authorityMember, providerMember);
            var template = ContractTemplate.DraftFor([], glenmore, CommissioningPortal.Web.Features.Agreements.AgreementService.TemplateKind, "# Agreement\n\n[signatures]\n", "matrix test", portal.Clock.GetUtcNow(), out _);
            db.ContractTemplates.Add(template);
            // A mini-competition from Glenmore's framework that Bright Steps (and not Loch View) is invited to.
            var tracked = await db.Frameworks.Include(f => f.Lots).ThenInclude(l => l.Members).SingleAsync(f => f.Id == framework.Id, Ct);
            var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);
            var callOff = tracked.StartMiniCompetition(lot.Id, 99, person.Id, "Support at home, 10 hours a week.", 10, today.AddDays(20), today.AddDays(10), today, portal.Clock.GetUtcNow(), "matrix test");
            if (!callOff.InvitedProviderIds.Contains(brightSteps)) callOff.InvitedProviderIds.Add(brightSteps);
            callOff.InvitedProviderIds.RemoveAll(id => id == lochView);
            db.CallOffs.Add(callOff);
            await db.SaveChangesAsync(Ct);
            return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["calloff"] = callOff.Id.ToString(),
                ["agreement"] = agreement.ToString(),
                ["entry"] = purchase.Id.ToString(),
                ["provider"] = brightSteps.ToString(),
                ["service_at_location"] = openData.ServiceAtLocation,
                ["taxonomy"] = openData.Taxonomy,
                ["term"] = openData.Term,
                ["framework"] = framework.Id.ToString(),
                ["lot"] = lot.Id.ToString(),
                ["member"] = member.Id.ToString(),
                ["process"] = process.Id.ToString(),
                ["definition"] = process.DefinitionId,
                ["definitionVersion"] = process.DefinitionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["passport"] = passport.Id.ToString(),
                ["service"] = service.Id.ToString(),
                ["task"] = (task ?? Guid.NewGuid()).ToString(),
                ["template"] = template.Id.ToString(),
                ["opportunity"] = opportunity.Id.ToString(),
                ["response"] = tenderResponse.Id.ToString(),
                ["opportunityDocument"] = opportunity.Documents[0].Id.ToString(),
                ["draftOpportunity"] = draftOpportunity.Id.ToString(),
                ["ocid"] = $"ocds-scsds1-{opportunity.Id}",
                ["person"] = person.Id.ToString(),
                ["request"] = supportRequest.Id.ToString(),
                ["approval"] = approvalInstance.Id.ToString(),
                ["partnership"] = partnership.Id.ToString(),
                ["partnershipToken"] = providerMember.InvitationToken,
            };
        });
    }

    /// <summary>The first id each open-data list gives, so the single-record routes are called with real ones.</summary>
    private static async Task<(string ServiceAtLocation, string Taxonomy, string Term)> OpenDataIdsAsync(PortalFactory portal)
    {
        using var client = portal.CreatePortalClient();
        async Task<string> FirstIdAsync(string list)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(await client.Http.GetStringAsync(list, Ct))!;
            return json["contents"]![0]!["id"]!.GetValue<string>();
        }
        return (await FirstIdAsync("/api/openreferral/service_at_locations"), await FirstIdAsync("/api/openreferral/taxonomies"),
            await FirstIdAsync("/api/openreferral/taxonomy_terms"));
    }

    /// <summary>An agreement Glenmore's practitioner offers Jamie Reid with Bright Steps, through the real form.</summary>
    private static async Task<Guid> OfferAgreementAsync(PortalFactory portal)
    {
        using var practitioner = portal.CreatePortalClient();
        await practitioner.SignInAsync(DemoUsers.GlenmorePractitioner);
        var brightSteps = await portal.WithDbAsync(db => db.Providers.Where(p => p.Name == "Bright Steps Care").Select(p => p.Id).SingleAsync(Ct));
        var page = await practitioner.GetPageAsync("/agreements/new");
        var response = await practitioner.SubmitAsync(page, Agreements.AgreementFlowTests.Form("Jamie Reid", brightSteps));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

using System.Globalization;
using CommissioningPortal.Domain.Marketplace;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// <c>/provider/passport/item/{id?}</c>: add a passport item or replace one's details and evidence.
/// The file is checked by its content (PDF, JPG, PNG), its size and that there is one; any change
/// to a checked item sends it back to unverified, and the provider's verification is recomputed.
/// </summary>
[Authorize(Policy = Policies.ProviderUser)]
[RequestSizeLimit(MaxRequestBytes), RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[OneTimeForm]
public sealed class PassportItemModel(PortalDbContext db, SavePassportItem save) : PageModel
{
    /// <summary>Above the evidence limit, so an oversized file gets a message rather than a dropped connection.</summary>
    public const long MaxRequestBytes = 64L * 1024 * 1024;

    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public string? ExpiresOn { get; set; }
    [BindProperty] public string? CareServiceType { get; set; }
    [BindProperty] public string? ClientGroupScope { get; set; }
    [BindProperty] public string? GradedOn { get; set; }

    /// <summary>One per key question of <see cref="CareInspectorateGrades.KeyQuestions"/>: "1"–"6" or empty (not graded).</summary>
    [BindProperty] public List<string?> Grades { get; set; } = [];
    [BindProperty] public IFormFile? Evidence { get; set; }

    public PassportItem? Existing { get; private set; }
    public string MaxSizeText => save.MaxSizeText;

    /// <summary>The form could not be accepted, so the chosen file (which browsers cannot refill) must be chosen again.</summary>
    public bool ChooseFileAgain { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Existing is { } item)
        {
            Kind = item.Kind.ToString();
            Number = item.Number;
            Details = item.Details;
            ExpiresOn = item.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            CareServiceType = item.CareServiceType;
            ClientGroupScope = item.ClientGroupScope;
            GradedOn = item.GradedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Grades = item.Grades.Select(g => g?.ToString(CultureInfo.InvariantCulture)).ToList();
        }
        else if (Enum.TryParse<PassportItemKind>(Request.Query["kind"], out var k) && Enum.IsDefined(k)) Kind = k.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var evidence = Evidence is { } file ? new SavePassportItem.Upload(file.FileName, file.Length, file.OpenReadStream) : null;
        var result = await save.HandleAsync(new SavePassportItem.Input(Id, Kind, Number, Details, ExpiresOn, CareServiceType, ClientGroupScope, GradedOn, Grades, evidence),
            Actor.Of(User), ct);
        if (result.Succeeded)
        {
            TempData["StatusMessage"] = $"{PassportItem.KindDisplayName(result.Value)} saved. A commissioner will check it.";
            return Redirect("/provider/passport");
        }
        if (!await LoadAsync(ct)) return NotFound();
        ChooseFileAgain = Evidence is { Length: > 0 };
        return this.Refused(result);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        while (Grades.Count < CareInspectorateGrades.KeyQuestions.Count) Grades.Add(null);
        if (Id is not { } id) return true;
        var providerId = User.ProviderIdOf();
        Existing = await db.PassportItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.ProviderId == providerId, ct);
        return Existing is not null;
    }

    public static IEnumerable<(string, string)> ServiceTypeOptions => CareInspectorateGrades.ServiceTypes.Select(t => (t, t));

    public static IEnumerable<(string, string)> GradeOptions =>
        Enumerable.Range(CareInspectorateGrades.Lowest, CareInspectorateGrades.Highest)
            .Select(g => (g.ToString(CultureInfo.InvariantCulture), CareInspectorateGrades.GradeText(g)));
}

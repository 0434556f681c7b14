using System.Globalization;
using CommissioningPortal.Domain.Marketplace;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// <c>/provider/passport/item/{id?}</c>: add a passport item or replace one's details and evidence.
/// The file is checked by its content (PDF, JPG, PNG), its size and that there is one; any change
/// to a checked item sends it back to unverified, and the provider's verification is recomputed.
/// </summary>
[Authorize(Policy = Policies.ProviderUser)]
[RequestSizeLimit(MaxRequestBytes), RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[OneTimeForm]
public sealed class PassportItemModel(PortalDbContext db, IEvidenceStore store, IOptions<StorageOptions> storage, TimeProvider clock) : PageModel
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
    public long MaxBytes => storage.Value.MaxEvidenceBytes;
    public string MaxSizeText => FormatSize(MaxBytes);

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
        if (!await LoadAsync(ct)) return NotFound();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var kind = Existing?.Kind;
        if (Existing is null)
        {
            if (string.IsNullOrWhiteSpace(Kind)) ModelState.AddModelError(nameof(Kind), "Choose what this passport item is");
            else if (Enum.TryParse<PassportItemKind>(Kind, out var k) && Enum.IsDefined(k)) kind = k;
            else ModelState.AddModelError(nameof(Kind), "Choose what this passport item is from the list");
        }
        var name = kind is { } known ? PassportItem.KindDisplayName(known) : "item";
        if (kind is PassportItemKind.RealLivingWage or PassportItemKind.Reference)
        {
            if (string.IsNullOrWhiteSpace(Details)) ModelState.AddModelError(nameof(Details), kind == PassportItemKind.Reference
                ? "Enter the referee's name and how to contact them"
                : "Describe your Real Living Wage commitment or accreditation");
        }
        else if (kind is not null && string.IsNullOrWhiteSpace(Number)) ModelState.AddModelError(nameof(Number), $"Enter the {name} number");
        if (Number?.Trim().Length > 100) ModelState.AddModelError(nameof(Number), "The number must be 100 characters or fewer");
        if (Details?.Trim().Length > 2000) ModelState.AddModelError(nameof(Details), "The details must be 2,000 characters or fewer");

        DateOnly? expires = null;
        if (string.IsNullOrWhiteSpace(ExpiresOn))
        {
            if (kind is { } kk && RegisterModel.IsInsurance(kk)) ModelState.AddModelError(nameof(ExpiresOn), $"Enter the date the {name} policy ends");
        }
        else if (!DateOnly.TryParseExact(ExpiresOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            ModelState.AddModelError(nameof(ExpiresOn), "Enter the expiry date as a real date, like 2027-03-31");
        }
        else if (d <= today) ModelState.AddModelError(nameof(ExpiresOn), "The expiry date must be in the future");
        else expires = d;

        var care = kind == PassportItemKind.CareInspectorateRegistration ? ReadCareInspectorate(today) : null;

        (string ContentType, string Extension)? type = null;
        if (Evidence is null || Evidence.FileName.Length == 0)
        {
            if (Existing?.EvidenceLocation is null) ModelState.AddModelError(nameof(Evidence), "Choose the evidence file to upload: a PDF, JPG or PNG");
        }
        else if (Evidence.Length == 0)
        {
            ModelState.AddModelError(nameof(Evidence), $"The file {Evidence.FileName} is empty. Choose the file again");
        }
        else if (Evidence.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Evidence), $"The file {Evidence.FileName} is too big: it must be smaller than {MaxSizeText}. Choose a smaller file");
        }
        else
        {
            var head = new byte[8];
            await using (var stream = Evidence.OpenReadStream())
            {
                var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
                type = EvidenceFile.Sniff(head.AsSpan(0, read));
            }
            if (type is null) ModelState.AddModelError(nameof(Evidence), $"The file {Evidence.FileName} is not a PDF, JPG or PNG. Choose the file again, saved as one of those");
        }

        if (!ModelState.IsValid)
        {
            ChooseFileAgain = Evidence is { Length: > 0 };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        string? saved = null;
        string? replaced = null;
        try
        {
            var item = Existing;
            if (item is null)
            {
                item = new PassportItem { ProviderId = User.ProviderIdOf()!.Value, Kind = kind!.Value, CreatedAt = now };
                db.PassportItems.Add(item);
            }
            var changed = Existing is null || item.Number != Clean(Number) || item.Details != Clean(Details) || item.ExpiresOn != expires || type is not null
                || (care is { } c && (item.CareServiceType != c.ServiceType || item.ClientGroupScope != c.Scope || item.GradedOn != c.GradedOn || !item.Grades.SequenceEqual(c.Grades)));
            item.Number = Clean(Number);
            item.Details = Clean(Details);
            item.ExpiresOn = expires;
            if (care is { } registration)
            {
                item.CareServiceType = registration.ServiceType;
                item.ClientGroupScope = registration.Scope;
                item.GradedOn = registration.GradedOn;
                item.Grades = registration.Grades;
            }
            if (type is { } t)
            {
                await using var content = Evidence!.OpenReadStream();
                saved = await store.SaveAsync(content, ct);
                replaced = item.EvidenceLocation;
                item.EvidenceLocation = saved;
                item.EvidenceContentType = t.ContentType;
                item.EvidenceSize = Evidence.Length;
                item.EvidenceFileName = System.IO.Path.GetFileName(Evidence.FileName) is { Length: > 0 and <= 260 } fileName ? fileName : "evidence" + t.Extension;
            }
            if (changed && item.Status != PassportItemStatus.Unverified)
            {
                // What was checked is no longer what is there: it needs checking again.
                item.Status = PassportItemStatus.Unverified;
                item.VerifiedBy = null;
                item.VerifiedAt = null;
                item.RejectionReason = null;
            }

            var provider = await db.Providers.FirstAsync(p => p.Id == item.ProviderId, ct);
            var items = await db.PassportItems.Where(i => i.ProviderId == provider.Id).ToListAsync(ct);
            if (!items.Contains(item)) items.Add(item);
            var services = await db.Services.Where(s => s.ProviderId == provider.Id).ToListAsync(ct);
            ProviderVerification.Refresh(provider, items, today, services);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            if (saved is not null) store.Delete(saved);
            throw;
        }
        if (replaced is not null) store.Delete(replaced);

        TempData["StatusMessage"] = $"{PassportItem.KindDisplayName(kind!.Value)} saved. A commissioner will check it.";
        return Redirect("/provider/passport");
    }

    /// <summary>
    /// The Care Inspectorate fields, checked: a service type from the list, a grade of 1–6 (or none)
    /// per key question, and an inspection date in the past when there are grades. Errors go on the
    /// field (<c>Grades[2]</c> for key question 3) and the values typed stay in the form.
    /// </summary>
    private (string? ServiceType, string? Scope, DateOnly? GradedOn, int?[] Grades)? ReadCareInspectorate(DateOnly today)
    {
        var serviceType = Clean(CareServiceType);
        if (serviceType is not null && !CareInspectorateGrades.ServiceTypes.Contains(serviceType))
            ModelState.AddModelError(nameof(CareServiceType), "Choose the service type from the list");
        var scope = Clean(ClientGroupScope);
        if (scope?.Length > 500) ModelState.AddModelError(nameof(ClientGroupScope), "The client groups must be 500 characters or fewer");

        var questions = CareInspectorateGrades.KeyQuestions;
        var grades = new int?[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            var text = i < Grades.Count ? Grades[i]?.Trim() : null;
            if (string.IsNullOrEmpty(text)) continue;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var grade) && CareInspectorateGrades.IsGrade(grade)) grades[i] = grade;
            else ModelState.AddModelError($"Grades[{i}]", $"Choose a grade from 1 to 6 for key question {questions[i].Number}, or 'Not graded'");
        }

        DateOnly? gradedOn = null;
        if (string.IsNullOrWhiteSpace(GradedOn))
        {
            if (grades.Any(g => g is not null)) ModelState.AddModelError(nameof(GradedOn), "Enter the date of the inspection the grades come from");
        }
        else if (!DateOnly.TryParseExact(GradedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            ModelState.AddModelError(nameof(GradedOn), "Enter the inspection date as a real date, like 2025-06-12");
        else if (d > today) ModelState.AddModelError(nameof(GradedOn), "The inspection date cannot be in the future");
        else gradedOn = d;

        return (serviceType, scope, gradedOn, grades);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        while (Grades.Count < CareInspectorateGrades.KeyQuestions.Count) Grades.Add(null);
        if (Id is not { } id) return true;
        var providerId = User.ProviderIdOf();
        Existing = await db.PassportItems.FirstOrDefaultAsync(i => i.Id == id && i.ProviderId == providerId, ct);
        return Existing is not null;
    }

    public static IEnumerable<(string, string)> ServiceTypeOptions => CareInspectorateGrades.ServiceTypes.Select(t => (t, t));

    public static IEnumerable<(string, string)> GradeOptions =>
        Enumerable.Range(CareInspectorateGrades.Lowest, CareInspectorateGrades.Highest)
            .Select(g => (g.ToString(CultureInfo.InvariantCulture), CareInspectorateGrades.GradeText(g)));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";
}

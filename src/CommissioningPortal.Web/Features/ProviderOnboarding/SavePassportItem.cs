using System.Globalization;
using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Marketplace;
using Microsoft.Extensions.Options;

namespace CommissioningPortal.Web.Features.ProviderOnboarding;

/// <summary>
/// A provider adds a passport item or replaces one's details and evidence. The file is checked by
/// its content (PDF, JPG, PNG), its size and that there is one; <see cref="PassportItem.Amend"/>
/// sends a checked item back to unverified when anything changed, and the provider's verification
/// is recomputed, in one save. A stored file is deleted again if the save fails, and the file it
/// replaced once it succeeds.
/// </summary>
public sealed class SavePassportItem(PortalDbContext db, IEvidenceStore store, IOptions<StorageOptions> storage, TimeProvider clock, ILogger<SavePassportItem> logger)
{
    /// <summary>An uploaded file, as the page received it.</summary>
    public sealed record Upload(string FileName, long Length, Func<Stream> OpenRead);

    public sealed record Input(
        Guid? ItemId, string? Kind, string? Number, string? Details, string? ExpiresOn,
        string? CareServiceType, string? ClientGroupScope, string? GradedOn, IReadOnlyList<string?> Grades, Upload? Evidence);

    public long MaxBytes => storage.Value.MaxEvidenceBytes;

    public string MaxSizeText => FormatSize(MaxBytes);

    /// <summary>Done: the kind of item saved.</summary>
    public async Task<UseCaseResult<PassportItemKind>> HandleAsync(Input input, Actor actor, CancellationToken ct)
    {
        if (actor.ProviderId is not { } providerId) return UseCaseResult<PassportItemKind>.NotFound();
        PassportItem? existing = null;
        if (input.ItemId is { } id && (existing = await db.PassportItems.FirstOrDefaultAsync(i => i.Id == id && i.ProviderId == providerId, ct)) is null)
        {
            return UseCaseResult<PassportItemKind>.NotFound();
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new FieldErrors();

        var kind = existing?.Kind;
        if (existing is null)
        {
            if (string.IsNullOrWhiteSpace(input.Kind)) errors.Add(nameof(Input.Kind), "Choose what this passport item is");
            else if (Enum.TryParse<PassportItemKind>(input.Kind, out var k) && Enum.IsDefined(k) && !int.TryParse(input.Kind, out _)) kind = k;
            else errors.Add(nameof(Input.Kind), "Choose what this passport item is from the list");
        }
        var name = kind is { } known ? PassportItem.KindDisplayName(known) : "item";
        var number = Clean(input.Number);
        var details = Clean(input.Details);
        if (kind is PassportItemKind.RealLivingWage or PassportItemKind.Reference)
        {
            if (details is null) errors.Add(nameof(Input.Details), kind == PassportItemKind.Reference
                ? "Enter the referee's name and how to contact them"
                : "Describe your Real Living Wage commitment or accreditation");
        }
        else if (kind is not null && number is null) errors.Add(nameof(Input.Number), $"Enter the {name} number");
        if (number?.Length > 100) errors.Add(nameof(Input.Number), "The number must be 100 characters or fewer");
        else errors.Check(nameof(Input.Number), PlainText.IdentifierProblem("The number", number));
        if (details?.Length > 2000) errors.Add(nameof(Input.Details), "The details must be 2,000 characters or fewer");
        else errors.Check(nameof(Input.Details), PlainText.ParagraphsProblem("The details", details));

        DateOnly? expires = null;
        if (string.IsNullOrWhiteSpace(input.ExpiresOn))
        {
            if (kind is { } kk && PassportItem.IsInsurance(kk)) errors.Add(nameof(Input.ExpiresOn), $"Enter the date the {name} policy ends");
        }
        else if (!DateOnly.TryParseExact(input.ExpiresOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            errors.Add(nameof(Input.ExpiresOn), "Enter the expiry date as a real date, like 2027-03-31");
        }
        else if (d <= today) errors.Add(nameof(Input.ExpiresOn), "The expiry date must be in the future");
        else expires = d;

        var registration = kind == PassportItemKind.CareInspectorateRegistration ? ReadCareInspectorate(input, today, errors) : null;
        var type = await CheckEvidenceAsync(input.Evidence, existing?.EvidenceLocation is not null, errors, ct);
        if (errors.Any) return errors.Invalid<PassportItemKind>();

        string? saved = null;
        if (type is not null && input.Evidence is { } file)
        {
            // Stored before anything else changes, so a full disk leaves no item, no provider change, nothing half-written.
            try
            {
                await using var content = file.OpenRead();
                saved = await store.SaveAsync(content, ct);
            }
            catch (IOException e) when (EvidenceStorage.IsFull(e))
            {
                logger.LogCritical(e, "Evidence storage is full: an upload of {Bytes} bytes was refused", file.Length);
                errors.Add(nameof(Input.Evidence), $"We could not keep {file.FileName}: the portal's file storage is full. Nothing has been saved. Please try again later; the portal's team has been told");
                return errors.Invalid<PassportItemKind>();
            }
        }
        string? replaced = null;
        try
        {
            var item = existing;
            if (item is null)
            {
                item = new PassportItem { ProviderId = providerId, Kind = kind!.Value, CreatedAt = now };
                db.PassportItems.Add(item);
            }
            StoredEvidence? evidence = null;
            if (type is { } t && input.Evidence is { } upload && saved is not null)
            {
                replaced = item.EvidenceLocation;
                evidence = new StoredEvidence(saved, t.ContentType, upload.Length,
                    Path.GetFileName(upload.FileName) is { Length: > 0 and <= 260 } fileName ? fileName : "evidence" + t.Extension);
            }
            item.Amend(number, details, expires, registration, evidence);

            var provider = await db.Providers.FirstAsync(p => p.Id == providerId, ct);
            var items = await db.PassportItems.Where(i => i.ProviderId == providerId).ToListAsync(ct);
            if (!items.Contains(item)) items.Add(item);
            var services = await db.Services.Where(s => s.ProviderId == providerId).ToListAsync(ct);
            ProviderVerification.Refresh(provider, items, today, services);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            if (saved is not null) store.Delete(saved);
            throw;
        }
        if (replaced is not null) store.Delete(replaced);
        return UseCaseResult<PassportItemKind>.Done(kind!.Value);
    }

    /// <summary>The file's real type, or null: with an error when one was needed or it is empty, too big or not a PDF, JPG or PNG.</summary>
    private async Task<(string ContentType, string Extension)?> CheckEvidenceAsync(Upload? evidence, bool hasEvidence, FieldErrors errors, CancellationToken ct)
    {
        if (evidence is null || evidence.FileName.Length == 0)
        {
            if (!hasEvidence) errors.Add(nameof(Input.Evidence), "Choose the evidence file to upload: a PDF, JPG or PNG");
            return null;
        }
        if (evidence.Length == 0)
        {
            errors.Add(nameof(Input.Evidence), $"The file {evidence.FileName} is empty. Choose the file again");
            return null;
        }
        if (evidence.Length > MaxBytes)
        {
            errors.Add(nameof(Input.Evidence), $"The file {evidence.FileName} is too big: it must be smaller than {MaxSizeText}. Choose a smaller file");
            return null;
        }
        var head = new byte[8];
        await using var stream = evidence.OpenRead();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var type = EvidenceFile.Sniff(head.AsSpan(0, read));
        if (type is null) errors.Add(nameof(Input.Evidence), $"The file {evidence.FileName} is not a PDF, JPG or PNG. Choose the file again, saved as one of those");
        return type;
    }

    /// <summary>
    /// The Care Inspectorate fields, checked: a service type from the list, a grade of 1–6 (or none)
    /// per key question, and an inspection date in the past when there are grades. Errors go on the
    /// field (<c>Grades[2]</c> for key question 3).
    /// </summary>
    private static CareInspectorateRegistration ReadCareInspectorate(Input input, DateOnly today, FieldErrors errors)
    {
        var serviceType = Clean(input.CareServiceType);
        if (serviceType is not null && !CareInspectorateGrades.ServiceTypes.Contains(serviceType))
            errors.Add(nameof(Input.CareServiceType), "Choose the service type from the list");
        var scope = Clean(input.ClientGroupScope);
        if (scope?.Length > 500) errors.Add(nameof(Input.ClientGroupScope), "The client groups must be 500 characters or fewer");
        else errors.Check(nameof(Input.ClientGroupScope), PlainText.ParagraphsProblem("The client groups", scope));

        var questions = CareInspectorateGrades.KeyQuestions;
        var grades = new int?[questions.Count];
        for (var i = 0; i < questions.Count; i++)
        {
            var text = i < input.Grades.Count ? input.Grades[i]?.Trim() : null;
            if (string.IsNullOrEmpty(text)) continue;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var grade) && CareInspectorateGrades.IsGrade(grade)) grades[i] = grade;
            else errors.Add($"Grades[{i}]", $"Choose a grade from 1 to 6 for key question {questions[i].Number}, or 'Not graded'");
        }

        DateOnly? gradedOn = null;
        if (string.IsNullOrWhiteSpace(input.GradedOn))
        {
            if (grades.Any(g => g is not null)) errors.Add(nameof(Input.GradedOn), "Enter the date of the inspection the grades come from");
        }
        else if (!DateOnly.TryParseExact(input.GradedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            errors.Add(nameof(Input.GradedOn), "Enter the inspection date as a real date, like 2025-06-12");
        else if (d > today) errors.Add(nameof(Input.GradedOn), "The inspection date cannot be in the future");
        else gradedOn = d;

        return new CareInspectorateRegistration(serviceType, scope, gradedOn, grades);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string FormatSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";
}

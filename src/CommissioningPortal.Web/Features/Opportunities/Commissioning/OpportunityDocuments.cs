using System.IO.Compression;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Web.Features.ProviderOnboarding;
using Microsoft.Extensions.Logging;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>
/// A commissioner attaches a document to an opportunity (specification, questionnaire, price schedule) or
/// removes one; on a published one its followers are e-mailed. The file is kept in the evidence store (random name, never the one given) and checked by
/// its content, not its name: PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX) or OpenDocument (ODT, ODS,
/// ODP); at most <see cref="MaxBytes"/>. A stored file is deleted again if the save fails.
/// </summary>
public sealed class OpportunityDocuments(PortalDbContext db, IEvidenceStore store, OpportunityAlerts alerts, TimeProvider clock, ILogger<OpportunityDocuments> logger)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string MaxSizeText = "10 MB";
    public const string Accepted = "a PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx) or OpenDocument (.odt, .ods, .odp) file";
    public const string DocumentField = "Document";
    public const string TitleField = "DocumentTitle";

    public sealed record Upload(string FileName, long Length, Func<Stream> OpenRead);

    public async Task<UseCaseResult<OpportunityDocument>> AttachAsync(Guid id, string? title, Upload? upload, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.MineAsync(actor, id, ct);
        if (opportunity is null) return UseCaseResult<OpportunityDocument>.NotFound();
        if (upload is null || upload.FileName.Length == 0) return UseCaseResult<OpportunityDocument>.Invalid(DocumentField, $"Choose the document to upload: {Accepted}.");
        var name = Path.GetFileName(upload.FileName);
        if (upload.Length == 0) return UseCaseResult<OpportunityDocument>.Invalid(DocumentField, $"The document {name} is empty. Choose the file again.");
        if (upload.Length > MaxBytes)
            return UseCaseResult<OpportunityDocument>.Invalid(DocumentField, $"The document {name} is too big ({upload.Length / (1024.0 * 1024):0.#} MB): it must be smaller than {MaxSizeText}. Split it or make it smaller.");
        string? type;
        await using (var stream = upload.OpenRead()) type = await SniffAsync(stream, ct);
        if (type is null) return UseCaseResult<OpportunityDocument>.Invalid(DocumentField, $"The document {name} is not {Accepted}. Save it as one of those and choose it again.");

        string location;
        try
        {
            await using var content = upload.OpenRead();
            location = await store.SaveAsync(content, ct);
        }
        catch (IOException e) when (EvidenceStorage.IsFull(e))
        {
            logger.LogCritical(e, "File storage is full: a document of {Bytes} bytes was refused", upload.Length);
            return UseCaseResult<OpportunityDocument>.Invalid(DocumentField, $"We could not keep {name}: the portal's file storage is full. Nothing has been saved; please try again later.");
        }
        try
        {
            var before = opportunity.Changes.Count;
            var document = opportunity.AddDocument(title ?? "", name.Length <= 260 ? name : name[^260..], type, upload.Length, location, clock.GetUtcNow(), actor.Name);
            await alerts.ChangedSinceAsync(opportunity, before, ct);
            await db.SaveChangesAsync(ct);
            return UseCaseResult<OpportunityDocument>.Done(document);
        }
        catch (OpportunityRuleException e)
        {
            store.Delete(location);
            return CommissionerOpportunities.Refused<OpportunityDocument>(e, e.Field == "DocumentTitle" ? TitleField : DocumentField);
        }
        catch
        {
            store.Delete(location);
            throw;
        }
    }

    public async Task<UseCaseResult<OpportunityDocument>> RemoveAsync(Guid id, Guid documentId, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.MineAsync(actor, id, ct);
        if (opportunity is null || opportunity.Documents.All(d => d.Id != documentId)) return UseCaseResult<OpportunityDocument>.NotFound();
        try
        {
            var before = opportunity.Changes.Count;
            var document = opportunity.RemoveDocument(documentId, clock.GetUtcNow(), actor.Name);
            db.OpportunityDocuments.Remove(document);
            await alerts.ChangedSinceAsync(opportunity, before, ct);
            await db.SaveChangesAsync(ct);
            store.Delete(document.Location);
            return UseCaseResult<OpportunityDocument>.Done(document);
        }
        catch (OpportunityRuleException e)
        {
            return CommissionerOpportunities.Refused<OpportunityDocument>(e, FieldError.Form);
        }
    }

    /// <summary>
    /// The document's real type from its content: PDF by its header; the Office Open XML and OpenDocument
    /// formats are ZIP archives, told apart by the parts inside (word/, xl/, ppt/; the ODF "mimetype" entry).
    /// </summary>
    public static async Task<string?> SniffAsync(Stream stream, CancellationToken ct)
    {
        var head = new byte[5];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (read >= 5 && head.AsSpan().StartsWith("%PDF-"u8)) return "application/pdf";
        if (read < 4 || !head.AsSpan().StartsWith("PK\u0003\u0004"u8)) return null;
        if (!stream.CanSeek) return null;
        stream.Position = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var entry = mimetype.Open();
                using var reader = new StreamReader(entry);
                var text = (await reader.ReadToEndAsync(ct)).Trim();
                return text is "application/vnd.oasis.opendocument.text" or "application/vnd.oasis.opendocument.spreadsheet" or "application/vnd.oasis.opendocument.presentation"
                    ? text : null;
            }
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.GetEntry("word/document.xml") is not null) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (zip.GetEntry("xl/workbook.xml") is not null) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            if (zip.GetEntry("ppt/presentation.xml") is not null) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The extension for a sniffed type, for the download's name.</summary>
    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => ".pptx",
        "application/vnd.oasis.opendocument.text" => ".odt",
        "application/vnd.oasis.opendocument.spreadsheet" => ".ods",
        "application/vnd.oasis.opendocument.presentation" => ".odp",
        _ => "",
    };

    /// <summary>"PDF, 1.2 MB" for lists.</summary>
    public static string Describe(OpportunityDocument d) =>
        $"{Extension(d.ContentType).TrimStart('.').ToUpperInvariant()}, {(d.Length >= 1024 * 1024 ? $"{d.Length / (1024.0 * 1024):0.#} MB" : $"{Math.Max(1, d.Length / 1024)} KB")}";
}

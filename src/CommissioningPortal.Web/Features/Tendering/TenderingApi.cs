using CommissioningPortal.Domain.Tendering;

namespace CommissioningPortal.Web.Features.Tendering;

/// <summary>
/// <c>GET /api/tendering/{id}/responses</c>: an opportunity's responses as JSON for its commissioners' evaluation tools.
/// It reads through the same sealed data layer as the pages (ADR 0019): until the responses are opened it says how many
/// are in and nothing else.
/// </summary>
public static class TenderingApi
{
    public static WebApplication MapTenderingApi(this WebApplication app)
    {
        app.MapGet("/api/tendering/{id:guid}/responses", static async (Guid id, HttpContext http, PortalDbContext db, ResponseReading reading, CancellationToken ct) =>
        {
            var opportunity = await db.OwnOpportunityAsync(Actor.Of(http.User), id, ct);
            if (opportunity is null) return Results.NotFound();
            var opening = await reading.OpeningAsync(id, ct);
            var submitted = await db.TenderResponses.CountAsync(r => r.OpportunityId == id && r.Status == ResponseStatus.Submitted, ct);
            var envelopes = await reading.OpenedAsync(id, ct);
            var (answers, prices, documents) = await reading.ContentAsync(id, null, ct);
            // A panel member's conflicts (and an undeclared member's everything) are left out (issue 16).
            var hidden = await Evaluation.EvaluationAccess.HiddenResponsesAsync(db, Actor.Of(http.User).UserId, id, envelopes, ct);
            answers.RemoveAll(a => hidden.Contains(a.ResponseId));
            prices.RemoveAll(a => hidden.Contains(a.ResponseId));
            documents.RemoveAll(a => hidden.Contains(a.ResponseId));
            return Results.Ok(new
            {
                opportunityId = id,
                @sealed = opening is not { IsOpen: true },
                submitted,
                firstOpenedAt = opening?.FirstOpenedAt,
                secondOpenedAt = opening?.SecondOpenedAt,
                responses = envelopes.Select(e => new
                {
                    id = e.Response.Id,
                    provider = e.ProviderName,
                    submittedAt = e.Response.SubmittedAt,
                    receiptSha256 = e.Response.ReceiptSha256,
                    shortForm = e.Response.ShortForm,
                    answers = answers.Where(a => a.ResponseId == e.Response.Id).Select(a => new { questionId = a.QuestionId, text = a.Text }),
                    prices = prices.Where(p => p.ResponseId == e.Response.Id).Select(p => new { priceLineId = p.PriceLineId, amountPence = p.AmountPence }),
                    documents = documents.Where(d => d.ResponseId == e.Response.Id).Select(d => new { id = d.Id, fileName = d.FileName, sha256 = d.Sha256 }),
                }),
            });
        }).RequireAuthorization(Policies.Commissioner);
        return app;
    }
}

using System.Globalization;
using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>A commissioner adds a lot to a draft (title, optional description and value in pounds) or removes one.</summary>
public sealed class ChangeOpportunityLots(PortalDbContext db)
{
    public sealed record NewLot(string? Title, string? Description, string? Value);

    public async Task<UseCaseResult<OpportunityLot>> AddAsync(Guid id, NewLot input, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.MineAsync(actor, id, ct);
        if (opportunity is null) return UseCaseResult<OpportunityLot>.NotFound();
        long? value = null;
        if (!string.IsNullOrWhiteSpace(input.Value))
        {
            var text = input.Value.Trim().TrimStart('£').Trim();
            if (!FormInput.TryParseNumber(text, out var pounds) || pounds < 0 || pounds > OpportunityFormReader.MaxValuePounds || decimal.Round(pounds, 2) != pounds)
                return UseCaseResult<OpportunityLot>.Invalid("LotValue", "The lot's value must be an amount in pounds, like 1200000, or left empty.");
            value = (long)(pounds * 100);
        }
        try
        {
            var lot = opportunity.AddLot(input.Title ?? "", input.Description, value);
            await db.SaveChangesAsync(ct);
            return UseCaseResult<OpportunityLot>.Done(lot);
        }
        catch (OpportunityRuleException e)
        {
            return CommissionerOpportunities.Refused<OpportunityLot>(e, e.Field switch
            {
                nameof(OpportunityLot.Title) => "LotTitle", nameof(OpportunityLot.Description) => "LotDescription", nameof(OpportunityLot.ValuePence) => "LotValue", _ => FieldError.Form,
            });
        }
    }

    public async Task<UseCaseResult<OpportunityLot>> RemoveAsync(Guid id, Guid lotId, Actor actor, CancellationToken ct)
    {
        var opportunity = await db.MineAsync(actor, id, ct);
        var lot = opportunity?.Lots.FirstOrDefault(l => l.Id == lotId);
        if (opportunity is null || lot is null) return UseCaseResult<OpportunityLot>.NotFound();
        try
        {
            opportunity.RemoveLot(lotId);
            db.OpportunityLots.Remove(lot);
            await db.SaveChangesAsync(ct);
            return UseCaseResult<OpportunityLot>.Done(lot);
        }
        catch (OpportunityRuleException e)
        {
            return CommissionerOpportunities.Refused<OpportunityLot>(e);
        }
    }

    internal static string Money(long? pence) => pence is { } p ? "£" + (p / 100m).ToString("N0", CultureInfo.GetCultureInfo("en-GB")) : "";
}

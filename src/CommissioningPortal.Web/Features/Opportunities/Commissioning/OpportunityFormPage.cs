using CommissioningPortal.Domain.Opportunities;

namespace CommissioningPortal.Web.Features.Opportunities.Commissioning;

/// <summary>A page showing the opportunity form (<c>_OpportunityFields</c>): what was typed and what can be chosen.</summary>
public interface IOpportunityFormPage
{
    OpportunityForm Form { get; }
    OpportunityFormReader.Choices Choices { get; }
}

public static class OpportunityFormOptions
{
    public static IEnumerable<(string Value, string Text)> Kinds =>
        Enum.GetValues<OpportunityKind>().Select(k => (k.ToString(), OpportunityNames.Kind(k)));
}

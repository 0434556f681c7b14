namespace CommissioningPortal.Web.Features.OffFrameworkApprovals;

/// <summary>
/// Approving a provider the person chose who is not on the framework (the off-framework-approval
/// process): proportionate checks by the provider's kind, then a decision with reasons.
/// </summary>
public static class OffFrameworkApprovalsFeature
{
    public static WebApplicationBuilder AddOffFrameworkApprovalsFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DecideApproval>();
        builder.Services.AddScoped<RecordApprovalCheck>();
        return builder;
    }
}

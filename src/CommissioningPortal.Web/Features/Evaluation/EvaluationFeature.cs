using CommissioningPortal.Domain.Evaluations;

namespace CommissioningPortal.Web.Features.Evaluation;

/// <summary>
/// Evaluation and award (issue 16, ADR 0023): a panel per opportunity of commissioners and invited lived-experience members who
/// declare conflicts before they see a response and score independently; moderation to consensus; price by the stated formula
/// against the authority's dated sustainable floor; totals, ranks and the tie rule (<see cref="EvaluationScoring"/>); the award
/// with reasons, a 10-day standstill ended by the tender process's timer, feedback letters through the document engine and the
/// outbox, and the contract record. Each write is one use case in this folder.
/// </summary>
public static class EvaluationFeature
{
    public static WebApplicationBuilder AddEvaluationFeature(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EvaluationProcess>();
        builder.Services.AddScoped<AddPanelMember>();
        builder.Services.AddScoped<AssignQuestions>();
        builder.Services.AddScoped<DeclareInterests>();
        builder.Services.AddScoped<ScoreResponse>();
        builder.Services.AddScoped<ModerationUseCases>();
        builder.Services.AddScoped<SetPriceFloor>();
        builder.Services.AddScoped<FeedbackLetters>();
        builder.Services.AddScoped<EditLetter>();
        builder.Services.AddScoped<SendLetter>();
        return builder;
    }
}

/// <summary>Plain names the evaluation pages share.</summary>
public static class EvaluationPages
{
    public static string Role(PanelRole role) => role == PanelRole.Commissioner ? "commissioner" : "lived-experience member";

    public static string Stage(EvaluationStage stage) => stage switch
    {
        EvaluationStage.Scoring => "Scoring",
        EvaluationStage.Moderation => "Moderation",
        EvaluationStage.Moderated => "Moderated: ready for the award decision",
        EvaluationStage.Standstill => "Standstill",
        _ => "Awarded",
    };

    public static string Formula(PriceFormula formula) => formula switch
    {
        _ => "the lowest price gets the full price weight; every other price gets the price weight × lowest price ÷ its price.",
    };
}

using CommissioningPortal.Domain.Evaluations;
using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Domain.Tendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        b.HasOne<Opportunity>().WithMany().HasForeignKey(e => e.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.OpportunityId).IsUnique();
        b.Property(e => e.CreatedBy).HasMaxLength(200);
        b.Property(e => e.AwardDecidedBy).HasMaxLength(200);
        b.Property(e => e.AwardReasons).HasMaxLength(Evaluation.MaxReasonLength);
        b.HasMany(e => e.Seats).WithOne().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Consensus).WithOne().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Exclusions).WithOne().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Seats).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.Consensus).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(e => e.Exclusions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PanelSeatConfiguration : IEntityTypeConfiguration<PanelSeat>
{
    public void Configure(EntityTypeBuilder<PanelSeat> b)
    {
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Email).HasMaxLength(256);
        b.Property(s => s.DeclarationNote).HasMaxLength(Evaluation.MaxCommentLength);
        b.PrimitiveCollection(s => s.AssignedQuestionIds);
        b.PrimitiveCollection(s => s.ConflictedProviderIds);
        b.HasIndex(s => new { s.EvaluationId, s.UserId }).IsUnique();
        b.HasIndex(s => s.UserId);
    }
}

internal sealed class ConsensusScoreConfiguration : IEntityTypeConfiguration<ConsensusScore>
{
    public void Configure(EntityTypeBuilder<ConsensusScore> b)
    {
        b.Property(c => c.Reason).HasMaxLength(Evaluation.MaxReasonLength);
        b.Property(c => c.By).HasMaxLength(200);
        b.HasIndex(c => new { c.EvaluationId, c.ResponseId, c.QuestionId }).IsUnique();
    }
}

internal sealed class PriceExclusionConfiguration : IEntityTypeConfiguration<PriceExclusion>
{
    public void Configure(EntityTypeBuilder<PriceExclusion> b)
    {
        b.Property(c => c.Reason).HasMaxLength(Evaluation.MaxReasonLength);
        b.Property(c => c.By).HasMaxLength(200);
        b.HasIndex(c => new { c.EvaluationId, c.ResponseId }).IsUnique();
    }
}

internal sealed class EvaluatorScoreConfiguration : IEntityTypeConfiguration<EvaluatorScore>
{
    public void Configure(EntityTypeBuilder<EvaluatorScore> b)
    {
        b.HasOne<Evaluation>().WithMany().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TenderResponse>().WithMany().HasForeignKey(s => s.ResponseId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.EvaluatorId).HasMaxLength(450);
        b.Property(s => s.EvaluatorName).HasMaxLength(200);
        b.Property(s => s.Comment).HasMaxLength(Evaluation.MaxCommentLength);
        b.HasIndex(s => new { s.EvaluationId, s.EvaluatorId, s.ResponseId, s.QuestionId }).IsUnique();
    }
}

internal sealed class SustainablePriceFloorConfiguration : IEntityTypeConfiguration<SustainablePriceFloor>
{
    public void Configure(EntityTypeBuilder<SustainablePriceFloor> b)
    {
        b.HasOne<Authority>().WithMany().HasForeignKey(f => f.AuthorityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.AuthorityId, f.EffectiveFrom });
        b.Property(f => f.OnCostPercent).HasPrecision(6, 2);
        b.Property(f => f.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class FeedbackLetterConfiguration : IEntityTypeConfiguration<FeedbackLetter>
{
    public void Configure(EntityTypeBuilder<FeedbackLetter> b)
    {
        b.HasOne<Evaluation>().WithMany().HasForeignKey(l => l.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => new { l.EvaluationId, l.ResponseId }).IsUnique();
        b.Property(l => l.ProviderName).HasMaxLength(200);
        b.Property(l => l.Text).HasMaxLength(FeedbackLetter.MaxTextLength);
        b.Property(l => l.SentBy).HasMaxLength(200);
    }
}

internal sealed class ContractRecordConfiguration : IEntityTypeConfiguration<ContractRecord>
{
    public void Configure(EntityTypeBuilder<ContractRecord> b)
    {
        b.HasOne<Evaluation>().WithMany().HasForeignKey(c => c.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.OpportunityId).IsUnique();
        b.Property(c => c.ProviderName).HasMaxLength(200);
        b.Property(c => c.Title).HasMaxLength(200);
    }
}

using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tendering;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> b)
    {
        b.HasOne<Opportunity>().WithMany().HasForeignKey(q => q.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(q => q.OpportunityId).IsUnique();
        b.HasMany(q => q.Sections).WithOne().HasForeignKey(s => s.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(q => q.Questions).WithOne().HasForeignKey(s => s.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(q => q.PriceLines).WithOne().HasForeignKey(s => s.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(q => q.Documents).WithOne().HasForeignKey(s => s.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(q => q.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(q => q.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(q => q.PriceLines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(q => q.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class QuestionnaireSectionConfiguration : IEntityTypeConfiguration<QuestionnaireSection>
{
    public void Configure(EntityTypeBuilder<QuestionnaireSection> b) => b.Property(s => s.Title).HasMaxLength(Questionnaire.MaxTitleLength);
}

internal sealed class TenderQuestionConfiguration : IEntityTypeConfiguration<TenderQuestion>
{
    public void Configure(EntityTypeBuilder<TenderQuestion> b)
    {
        b.Property(q => q.Text).HasMaxLength(Questionnaire.MaxTextLength);
        b.Property(q => q.Guidance).HasMaxLength(Questionnaire.MaxGuidanceLength);
    }
}

internal sealed class PriceLineConfiguration : IEntityTypeConfiguration<PriceLine>
{
    public void Configure(EntityTypeBuilder<PriceLine> b) => b.Property(p => p.Description).HasMaxLength(Questionnaire.MaxTitleLength);
}

internal sealed class RequiredDocumentConfiguration : IEntityTypeConfiguration<RequiredDocument>
{
    public void Configure(EntityTypeBuilder<RequiredDocument> b)
    {
        b.Property(d => d.Title).HasMaxLength(Questionnaire.MaxTitleLength);
        b.Property(d => d.Guidance).HasMaxLength(Questionnaire.MaxGuidanceLength);
    }
}

internal sealed class TenderResponseConfiguration : IEntityTypeConfiguration<TenderResponse>
{
    public void Configure(EntityTypeBuilder<TenderResponse> b)
    {
        b.HasOne<Opportunity>().WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Provider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.OpportunityId, r.ProviderId }).IsUnique();
        b.Property(r => r.ReceiptSha256).HasMaxLength(64);
    }
}

internal sealed class TenderAnswerConfiguration : IEntityTypeConfiguration<TenderAnswer>
{
    public void Configure(EntityTypeBuilder<TenderAnswer> b)
    {
        b.HasOne<TenderResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
        b.HasIndex(a => a.OpportunityId);
    }
}

internal sealed class TenderPriceConfiguration : IEntityTypeConfiguration<TenderPrice>
{
    public void Configure(EntityTypeBuilder<TenderPrice> b)
    {
        b.HasOne<TenderResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.ResponseId, a.PriceLineId }).IsUnique();
        b.HasIndex(a => a.OpportunityId);
    }
}

internal sealed class TenderDocumentConfiguration : IEntityTypeConfiguration<TenderDocument>
{
    public void Configure(EntityTypeBuilder<TenderDocument> b)
    {
        b.HasOne<TenderResponse>().WithMany().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.HasIndex(a => new { a.ResponseId, a.RequiredDocumentId });
        b.HasIndex(a => a.OpportunityId);
    }
}

internal sealed class ResponseOpeningConfiguration : IEntityTypeConfiguration<ResponseOpening>
{
    public void Configure(EntityTypeBuilder<ResponseOpening> b)
    {
        b.HasKey(o => o.OpportunityId);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(o => o.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.Property(o => o.FirstOpenedById).HasMaxLength(450);
        b.Property(o => o.FirstOpenedByName).HasMaxLength(256);
        b.Property(o => o.SecondOpenedById).HasMaxLength(450);
        b.Property(o => o.SecondOpenedByName).HasMaxLength(256);
    }
}

internal sealed class ClarificationConfiguration : IEntityTypeConfiguration<Clarification>
{
    public void Configure(EntityTypeBuilder<Clarification> b)
    {
        b.HasOne<Opportunity>().WithMany().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Provider>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.AskedById).HasMaxLength(450);
        b.Property(c => c.Question).HasMaxLength(Clarification.MaxQuestionLength);
        b.Property(c => c.PublishedQuestion).HasMaxLength(Clarification.MaxQuestionLength);
        b.Property(c => c.Answer).HasMaxLength(Clarification.MaxAnswerLength);
        b.Property(c => c.PrivateReason).HasMaxLength(Clarification.MaxReasonLength);
        b.Property(c => c.AnsweredBy).HasMaxLength(256);
        b.HasIndex(c => new { c.OpportunityId, c.AskedAt });
    }
}

internal sealed class ConsortiumMemberConfiguration : IEntityTypeConfiguration<ConsortiumMember>
{
    public void Configure(EntityTypeBuilder<ConsortiumMember> b)
    {
        b.HasOne<TenderResponse>().WithMany().HasForeignKey(m => m.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Provider>().WithMany().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.ResponseId, m.ProviderId }).IsUnique();
        b.HasIndex(m => new { m.ProviderId, m.OpportunityId });
        b.Property(m => m.InvitedBy).HasMaxLength(256);
        b.Property(m => m.ConfirmedBy).HasMaxLength(256);
    }
}

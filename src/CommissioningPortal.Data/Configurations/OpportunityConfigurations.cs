using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> b)
    {
        b.Property(o => o.Title).HasMaxLength(OpportunityDetails.MaxTitleLength);
        b.Property(o => o.Summary).HasMaxLength(OpportunityDetails.MaxSummaryLength);
        b.Property(o => o.Description).HasMaxLength(OpportunityDetails.MaxDescriptionLength);
        b.Property(o => o.ProcedureNote).HasMaxLength(OpportunityDetails.MaxProcedureNoteLength);
        b.Property(o => o.CancellationReason).HasMaxLength(Opportunity.MaxReasonLength);
        b.Property(o => o.CreatedBy).HasMaxLength(256);
        b.PrimitiveCollection(o => o.CpvCodes);
        b.PrimitiveCollection(o => o.Localities);
        b.PrimitiveCollection(o => o.ClientGroups);
        b.HasOne<Authority>().WithMany().HasForeignKey(o => o.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        // The public list: published ones by deadline; a commissioner's list: their authority's.
        b.HasIndex(o => new { o.Status, o.SubmissionDeadline });
        b.HasIndex(o => new { o.AuthorityId, o.Status });
        b.HasMany(o => o.Lots).WithOne().HasForeignKey(l => l.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Changes).WithOne().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Lots).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(o => o.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OpportunityLotConfiguration : IEntityTypeConfiguration<OpportunityLot>
{
    public void Configure(EntityTypeBuilder<OpportunityLot> b)
    {
        b.Property(l => l.Title).HasMaxLength(OpportunityLot.MaxTitleLength);
        b.Property(l => l.Description).HasMaxLength(OpportunityLot.MaxDescriptionLength);
        b.HasIndex(l => new { l.OpportunityId, l.Number }).IsUnique();
    }
}

internal sealed class OpportunityChangeConfiguration : IEntityTypeConfiguration<OpportunityChange>
{
    public void Configure(EntityTypeBuilder<OpportunityChange> b)
    {
        b.Property(c => c.By).HasMaxLength(256);
        b.Property(c => c.What).HasMaxLength(4000);
        b.HasIndex(c => new { c.OpportunityId, c.At });
    }
}

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
        b.PrimitiveCollection(o => o.SupportTypes);
        b.HasOne<Authority>().WithMany().HasForeignKey(o => o.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        // The public list: published ones by deadline; a commissioner's list: their authority's.
        b.HasIndex(o => new { o.Status, o.SubmissionDeadline });
        b.HasIndex(o => new { o.AuthorityId, o.Status });
        b.HasMany(o => o.Lots).WithOne().HasForeignKey(l => l.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Changes).WithOne().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Lots).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(o => o.Changes).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(o => o.Documents).WithOne().HasForeignKey(d => d.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        // The open-data feed: releases in the order they happened.
        b.HasIndex(o => o.PublishedAt);
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
        b.HasIndex(c => c.At);
    }
}

internal sealed class OpportunityDocumentConfiguration : IEntityTypeConfiguration<OpportunityDocument>
{
    public void Configure(EntityTypeBuilder<OpportunityDocument> b)
    {
        b.Property(d => d.Title).HasMaxLength(OpportunityDocument.MaxTitleLength);
        b.Property(d => d.FileName).HasMaxLength(260);
        b.Property(d => d.ContentType).HasMaxLength(200);
        b.Property(d => d.Location).HasMaxLength(64);
        b.Property(d => d.UploadedBy).HasMaxLength(256);
        b.HasIndex(d => d.OpportunityId);
    }
}

internal sealed class OpportunityFollowConfiguration : IEntityTypeConfiguration<OpportunityFollow>
{
    public void Configure(EntityTypeBuilder<OpportunityFollow> b)
    {
        b.Property(f => f.UserId).HasMaxLength(450);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(f => f.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        // A deleted account takes its follows and saved searches with it.
        b.HasOne<CommissioningPortal.Data.Identity.PortalUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.OpportunityId, f.UserId }).IsUnique();
        b.HasIndex(f => f.UserId);
    }
}

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> b)
    {
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.Cpv).HasMaxLength(8);
        b.Property(s => s.Locality).HasMaxLength(100);
        b.Property(s => s.ClientGroup).HasMaxLength(100);
        b.HasOne<CommissioningPortal.Data.Identity.PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.Frequency);
    }
}

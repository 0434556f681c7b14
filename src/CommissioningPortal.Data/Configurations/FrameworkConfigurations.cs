using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> b)
    {
        b.Property(f => f.Reference).HasMaxLength(Framework.MaxReferenceLength);
        b.Property(f => f.Title).HasMaxLength(Framework.MaxTitleLength);
        b.Property(f => f.Description).HasMaxLength(Framework.MaxDescriptionLength);
        b.Property(f => f.CreatedBy).HasMaxLength(256);
        b.HasOne<Authority>().WithMany().HasForeignKey(f => f.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.AuthorityId, f.Reference }).IsUnique();
        // "On the framework of": the live frameworks of one authority; and which authorities have any.
        b.HasIndex(f => new { f.Status, f.AuthorityId });
        b.HasMany(f => f.Lots).WithOne().HasForeignKey(l => l.FrameworkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LotConfiguration : IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<Lot> b)
    {
        b.Property(l => l.Title).HasMaxLength(Lot.MaxTitleLength);
        b.Property(l => l.SupportType).HasMaxLength(100);
        b.Property(l => l.ClientGroup).HasMaxLength(100);
        b.PrimitiveCollection(l => l.LocalityIds);
        b.Ignore(l => l.Name);
        b.HasIndex(l => new { l.FrameworkId, l.Number }).IsUnique();
        b.HasMany(l => l.Members).WithOne().HasForeignKey(m => m.LotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LotMemberConfiguration : IEntityTypeConfiguration<LotMember>
{
    public void Configure(EntityTypeBuilder<LotMember> b)
    {
        b.Property(m => m.StatusReason).HasMaxLength(LotMember.MaxReasonLength);
        b.Property(m => m.StatusChangedBy).HasMaxLength(256);
        b.Ignore(m => m.RateText);
        b.HasOne<Provider>().WithMany().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Cascade);
        // A provider is on a lot once; the directory filter reads a lot's admitted providers from
        // this index (LotId, Status, ProviderId) without touching the rows.
        b.HasIndex(m => new { m.LotId, m.ProviderId }).IsUnique();
        b.HasIndex(m => new { m.LotId, m.Status, m.AdmittedOn, m.ProviderId });
        // A provider's profile: which lots it is on.
        b.HasIndex(m => new { m.ProviderId, m.Status });
    }
}

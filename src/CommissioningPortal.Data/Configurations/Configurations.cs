using CommissioningPortal.Data.Identity;
using CommissioningPortal.Data.Outbox;
using CommissioningPortal.Domain.Content;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasIndex(u => u.AuthorityId);
        b.HasIndex(u => u.ProviderId);
        b.HasOne<Authority>().WithMany().HasForeignKey(u => u.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Provider>().WithMany().HasForeignKey(u => u.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuthorityConfiguration : IEntityTypeConfiguration<Authority>
{
    public void Configure(EntityTypeBuilder<Authority> b)
    {
        b.Property(a => a.Code).HasMaxLength(64);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.AreaCode).HasMaxLength(64);
        b.Property(a => a.ContactEmail).HasMaxLength(256);
        b.Property(a => a.PractitionerWeeklyLimit).HasPrecision(12, 2);
        b.Property(a => a.PoliciesChangedBy).HasMaxLength(256);
        b.Property(a => a.OfferTargetDays).HasDefaultValue(Authority.DefaultOfferTargetDays);
        b.Property(a => a.ApprovalTargetDays).HasDefaultValue(Authority.DefaultApprovalTargetDays);
        b.HasIndex(a => a.Code).IsUnique();
        b.HasMany(a => a.Localities).WithOne().HasForeignKey(l => l.AuthorityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LocalityConfiguration : IEntityTypeConfiguration<Locality>
{
    public void Configure(EntityTypeBuilder<Locality> b)
    {
        b.Property(l => l.Code).HasMaxLength(64);
        b.Property(l => l.Name).HasMaxLength(200);
        b.PrimitiveCollection(l => l.PostcodeDistricts);
        b.HasIndex(l => new { l.AuthorityId, l.Code }).IsUnique();
    }
}

internal sealed class ProviderConfiguration : IEntityTypeConfiguration<Provider>
{
    public void Configure(EntityTypeBuilder<Provider> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Summary).HasMaxLength(2000);
        b.Property(p => p.ContactEmail).HasMaxLength(256);
        b.Property(p => p.Phone).HasMaxLength(40);
        b.Property(p => p.Website).HasMaxLength(300);
        b.Property(p => p.AddressLine).HasMaxLength(300);
        b.Property(p => p.Town).HasMaxLength(100);
        b.Property(p => p.Postcode).HasMaxLength(10);
        b.Ignore(p => p.IsNaturalPerson);
        b.HasIndex(p => p.Name);
    }
}

internal sealed class ReferenceTermConfiguration : IEntityTypeConfiguration<ReferenceTerm>
{
    public void Configure(EntityTypeBuilder<ReferenceTerm> b)
    {
        b.Property(t => t.Scheme).HasMaxLength(64);
        b.Property(t => t.Code).HasMaxLength(64);
        b.Property(t => t.Label).HasMaxLength(300);
        b.Property(t => t.Description).HasMaxLength(1000);
        b.Property(t => t.ParentCode).HasMaxLength(64);
        b.HasIndex(t => new { t.Scheme, t.Code }).IsUnique();
    }
}

internal sealed class ContentPageConfiguration : IEntityTypeConfiguration<ContentPage>
{
    public void Configure(EntityTypeBuilder<ContentPage> b)
    {
        b.Property(p => p.Slug).HasMaxLength(80);
        b.HasIndex(p => p.Slug).IsUnique();
        b.Ignore(p => p.IsPublished);
        b.Ignore(p => p.Latest);
        b.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PageId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.Published);
    }
}

internal sealed class ContentPageRevisionConfiguration : IEntityTypeConfiguration<ContentPageRevision>
{
    public void Configure(EntityTypeBuilder<ContentPageRevision> b)
    {
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Author).HasMaxLength(256);
        b.HasIndex(r => new { r.PageId, r.Number }).IsUnique();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Kind).HasMaxLength(64);
        b.Property(m => m.LockedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

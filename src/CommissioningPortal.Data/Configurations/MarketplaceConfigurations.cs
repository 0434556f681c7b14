using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class PassportItemConfiguration : IEntityTypeConfiguration<PassportItem>
{
    public void Configure(EntityTypeBuilder<PassportItem> b)
    {
        b.Property(i => i.Number).HasMaxLength(100);
        b.Property(i => i.Details).HasMaxLength(2000);
        b.Property(i => i.CareServiceType).HasMaxLength(100);
        b.Property(i => i.ClientGroupScope).HasMaxLength(500);
        b.Ignore(i => i.Grades);
        b.Ignore(i => i.GradedQuestions);
        b.Property(i => i.VerifiedBy).HasMaxLength(256);
        b.Property(i => i.RejectionReason).HasMaxLength(1000);
        b.Property(i => i.EvidenceFileName).HasMaxLength(260);
        b.Property(i => i.EvidenceContentType).HasMaxLength(100);
        b.Property(i => i.EvidenceLocation).HasMaxLength(500);
        b.HasOne<Provider>().WithMany().HasForeignKey(i => i.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(i => new { i.ProviderId, i.Kind });
        // The expiry reminder job reads items by expiry date.
        b.HasIndex(i => new { i.Status, i.ExpiresOn });
        // The verification queue reads items waiting to be checked, oldest first.
        b.HasIndex(i => new { i.Status, i.CreatedAt });
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.ToTable("Services");
        b.Property(s => s.Name).HasMaxLength(Service.MaxNameLength);
        b.Property(s => s.Description).HasMaxLength(Service.MaxDescriptionLength);
        b.Property(s => s.AccessibilityNotes).HasMaxLength(Service.MaxAccessibilityNotesLength);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
        b.Property(s => s.SearchText).HasMaxLength(8000);
        b.PrimitiveCollection(s => s.SupportTypes);
        b.PrimitiveCollection(s => s.ClientGroups);
        b.PrimitiveCollection(s => s.Languages);
        b.HasOne<Provider>().WithMany().HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.ProviderId);
        // Covers ordering by fit (verified, capacity now, fresh capacity, name) without reading the wide rows.
        b.HasIndex(s => new { s.ProviderVerifiedThrough, s.HoursFreePerWeek, s.EarliestStart, s.CapacityConfirmedAt, s.Name, s.Id })
            .HasDatabaseName("IX_Services_Fit");
        b.HasMany(s => s.Areas).WithOne().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Rates).WithOne().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Tags).WithOne().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceAreaConfiguration : IEntityTypeConfiguration<ServiceArea>
{
    public void Configure(EntityTypeBuilder<ServiceArea> b)
    {
        b.HasIndex(a => a.ServiceId);
        b.HasIndex(a => a.LocalityId);
        b.HasOne<Authority>().WithMany().HasForeignKey(a => a.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Locality>().WithMany().HasForeignKey(a => a.LocalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceRateConfiguration : IEntityTypeConfiguration<ServiceRate>
{
    public void Configure(EntityTypeBuilder<ServiceRate> b)
    {
        b.Ignore(r => r.Amount);
        b.HasIndex(r => new { r.ServiceId, r.Unit, r.EffectiveFrom });
    }
}

internal sealed class ServiceTagConfiguration : IEntityTypeConfiguration<ServiceTag>
{
    public void Configure(EntityTypeBuilder<ServiceTag> b)
    {
        b.Property(t => t.Tag).HasMaxLength(80);
        // (Tag, ServiceId): a filter is a seek on the tag, and "does this service have it" a point look-up.
        b.HasKey(t => new { t.Tag, t.ServiceId });
        b.HasIndex(t => t.ServiceId);
    }
}

internal sealed class ProviderRegistrationConfiguration : IEntityTypeConfiguration<ProviderRegistration>
{
    public void Configure(EntityTypeBuilder<ProviderRegistration> b)
    {
        b.Property(r => r.UserId).HasMaxLength(450);
        b.HasIndex(r => r.UserId).IsUnique();
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Summary).HasMaxLength(2000);
        b.Property(r => r.Website).HasMaxLength(300);
        b.Property(r => r.ContactEmail).HasMaxLength(256);
        b.Property(r => r.Phone).HasMaxLength(40);
        b.Property(r => r.AddressLine).HasMaxLength(300);
        b.Property(r => r.Town).HasMaxLength(100);
        b.Property(r => r.Postcode).HasMaxLength(10);
        b.HasOne<Identity.PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Provider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProviderRegistrationItemConfiguration : IEntityTypeConfiguration<ProviderRegistrationItem>
{
    public void Configure(EntityTypeBuilder<ProviderRegistrationItem> b)
    {
        b.Property(i => i.Number).HasMaxLength(100);
        b.Property(i => i.Details).HasMaxLength(2000);
        b.HasIndex(i => new { i.RegistrationId, i.Kind }).IsUnique();
    }
}

internal sealed class ProviderInvitationConfiguration : IEntityTypeConfiguration<ProviderInvitation>
{
    public void Configure(EntityTypeBuilder<ProviderInvitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.ProviderId);
        b.Property(i => i.InvitedByUserId).HasMaxLength(450);
        b.Property(i => i.AcceptedByUserId).HasMaxLength(450);
        b.HasOne<Provider>().WithMany().HasForeignKey(i => i.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShortlistEntryConfiguration : IEntityTypeConfiguration<ShortlistEntry>
{
    public void Configure(EntityTypeBuilder<ShortlistEntry> b)
    {
        b.ToTable("ShortlistEntries");
        b.Property(e => e.UserId).HasMaxLength(450);
        // A person saves a provider once; their shortlist is read by user.
        b.HasIndex(e => new { e.UserId, e.ProviderId }).IsUnique();
        b.HasIndex(e => e.ProviderId);
        b.HasOne<CommissioningPortal.Data.Identity.PortalUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Provider>().WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProviderCorrectionConfiguration : IEntityTypeConfiguration<ProviderCorrection>
{
    public void Configure(EntityTypeBuilder<ProviderCorrection> b)
    {
        b.ToTable("ProviderCorrections");
        b.Property(c => c.WhatIsWrong).HasMaxLength(ProviderCorrection.MaxTextLength);
        b.Property(c => c.ReplyEmail).HasMaxLength(256);
        b.Property(c => c.ResolvedBy).HasMaxLength(256);
        b.Property(c => c.ResolutionNote).HasMaxLength(ProviderCorrection.MaxNoteLength);
        // A provider's queue: open ones first, newest first.
        b.HasIndex(c => new { c.ProviderId, c.Status, c.CreatedAt });
        b.HasOne<Provider>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectoryChangeConfiguration : IEntityTypeConfiguration<DirectoryChange>
{
    public void Configure(EntityTypeBuilder<DirectoryChange> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
    }
}

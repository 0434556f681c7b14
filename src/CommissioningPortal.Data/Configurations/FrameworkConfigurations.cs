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
        b.HasMany(f => f.Rounds).WithOne().HasForeignKey(r => r.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(f => f.OpenRound);
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
        b.HasMany(m => m.Rates).WithOne().HasForeignKey(r => r.LotMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<FrameworkRound>().WithMany().HasForeignKey(m => m.AdmittedInRoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Provider>().WithMany().HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Cascade);
        // A provider is on a lot once; the directory filter reads a lot's admitted providers from
        // this index (LotId, Status, ProviderId) without touching the rows.
        b.HasIndex(m => new { m.LotId, m.ProviderId }).IsUnique();
        b.HasIndex(m => new { m.LotId, m.Status, m.AdmittedOn, m.ProviderId });
        // A provider's profile: which lots it is on.
        b.HasIndex(m => new { m.ProviderId, m.Status });
    }
}

internal sealed class LotRateConfiguration : IEntityTypeConfiguration<LotRate>
{
    public void Configure(EntityTypeBuilder<LotRate> b)
    {
        b.Property(r => r.RecordedBy).HasMaxLength(256);
        b.Ignore(r => r.Text);
        b.HasOne<FrameworkRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        // The rate on a day: a member's rates by date.
        b.HasIndex(r => new { r.LotMemberId, r.EffectiveFrom });
    }
}

internal sealed class FrameworkRoundConfiguration : IEntityTypeConfiguration<FrameworkRound>
{
    public void Configure(EntityTypeBuilder<FrameworkRound> b)
    {
        b.Property(r => r.Title).HasMaxLength(FrameworkRound.MaxTitleLength);
        b.Property(r => r.OpenedBy).HasMaxLength(256);
        b.Property(r => r.ClosedBy).HasMaxLength(256);
        b.Ignore(r => r.IsOpen);
        b.Ignore(r => r.Name);
        b.HasIndex(r => new { r.FrameworkId, r.Number }).IsUnique();
        b.HasOne<CommissioningPortal.Domain.Opportunities.Opportunity>().WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallOffConfiguration : IEntityTypeConfiguration<CallOff>
{
    public void Configure(EntityTypeBuilder<CallOff> b)
    {
        b.Property(c => c.PackageSummary).HasMaxLength(CallOff.MaxSummaryLength);
        b.Property(c => c.DecisionReason).HasMaxLength(CallOff.MaxReasonLength);
        b.Property(c => c.CancelReason).HasMaxLength(CallOff.MaxReasonLength);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.DecidedBy).HasMaxLength(256);
        b.PrimitiveCollection(c => c.InvitedProviderIds);
        b.Ignore(c => c.PriceText);
        b.HasOne<Framework>().WithMany().HasForeignKey(c => c.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lot>().WithMany().HasForeignKey(c => c.LotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CommissioningPortal.Domain.People.SupportedPerson>().WithMany().HasForeignKey(c => c.SupportedPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.FrameworkId, c.Number }).IsUnique();
        b.HasIndex(c => new { c.AuthorityId, c.Status });
        b.HasMany(c => c.Offers).WithOne().HasForeignKey(o => o.CallOffId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CallOffOfferConfiguration : IEntityTypeConfiguration<CallOffOffer>
{
    public void Configure(EntityTypeBuilder<CallOffOffer> b)
    {
        b.Property(o => o.Note).HasMaxLength(CallOff.MaxNoteLength);
        b.Property(o => o.SubmittedBy).HasMaxLength(256);
        b.Ignore(o => o.PriceText);
        b.HasIndex(o => new { o.CallOffId, o.ProviderId }).IsUnique();
        b.HasOne<Provider>().WithMany().HasForeignKey(o => o.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

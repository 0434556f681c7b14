using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class SupportedPersonConfiguration : IEntityTypeConfiguration<SupportedPerson>
{
    public void Configure(EntityTypeBuilder<SupportedPerson> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Address).HasMaxLength(500);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.RepresentativeName).HasMaxLength(200);
        b.Property(p => p.RepresentativeRelationship).HasMaxLength(100);
        b.Property(p => p.RepresentativeUserId).HasMaxLength(450);
        b.Property(p => p.RepresentativeLinkedBy).HasMaxLength(256);
        b.Property(p => p.PersonInvitedEmail).HasMaxLength(256);
        b.Property(p => p.RepresentativeInvitedEmail).HasMaxLength(256);
        b.Property(p => p.Outcomes).HasMaxLength(4000);
        b.Ignore(p => p.OutcomeList);
        b.Ignore(p => p.AnnualBudget);
        b.Ignore(p => p.BudgetTold);
        b.Ignore(p => p.Choices);
        b.Ignore(p => p.OverallOption);
        b.Property(p => p.SupportNeeds).HasMaxLength(SupportedPerson.MaxNeedsLength);
        b.Property(p => p.WeeklyBudget).HasPrecision(12, 2);
        b.Property(p => p.BudgetSetDetail).HasMaxLength(500);
        b.Property(p => p.BudgetToldHow).HasMaxLength(500);
        b.Property(p => p.OptionsBySupportType).HasMaxLength(2000);
        b.Property(p => p.BudgetHolderName).HasMaxLength(200);
        b.Property(p => p.AllocatedPractitionerUserId).HasMaxLength(450);
        b.Property(p => p.AllocatedPractitionerName).HasMaxLength(256);
        b.HasIndex(p => p.AllocatedPractitionerUserId);
        b.HasIndex(p => p.AuthorityId);
        b.HasIndex(p => p.UserId);
        b.HasIndex(p => p.RepresentativeUserId);
        b.HasOne<Authority>().WithMany().HasForeignKey(p => p.AuthorityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IsfAgreementConfiguration : IEntityTypeConfiguration<IsfAgreement>
{
    public void Configure(EntityTypeBuilder<IsfAgreement> b)
    {
        b.Property(a => a.Reference).HasMaxLength(32);
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.Property(a => a.EndReason).HasMaxLength(1000);
        b.Property(a => a.EndedBy).HasMaxLength(256);
        b.HasIndex(a => a.Reference).IsUnique();
        b.HasIndex(a => a.AuthorityId);
        b.HasIndex(a => a.ProviderId);
        b.HasIndex(a => a.SupportedPersonId);
        b.HasIndex(a => a.WorkflowInstanceId).IsUnique();
        b.HasOne<Authority>().WithMany().HasForeignKey(a => a.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupportedPerson>().WithMany().HasForeignKey(a => a.SupportedPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Provider>().WithMany().HasForeignKey(a => a.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IsfAgreementVersionConfiguration : IEntityTypeConfiguration<IsfAgreementVersion>
{
    public void Configure(EntityTypeBuilder<IsfAgreementVersion> b)
    {
        b.Property(v => v.OfferedSha256).HasMaxLength(64);
        b.Property(v => v.FinalSha256).HasMaxLength(64);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.Property(v => v.ChangeSummary).HasMaxLength(4000);
        b.Property(v => v.ChangeReason).HasMaxLength(1000);
        b.Property(v => v.WithdrawnReason).HasMaxLength(1000);
        b.HasIndex(v => new { v.AgreementId, v.Number }).IsUnique();
        b.HasIndex(v => v.OfferedSha256); // the public verification page looks PDFs up by hash
        b.HasIndex(v => v.FinalSha256);
        b.HasOne<IsfAgreement>().WithMany().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IsfAcceptanceConfiguration : IEntityTypeConfiguration<IsfAcceptance>
{
    public void Configure(EntityTypeBuilder<IsfAcceptance> b)
    {
        b.Property(a => a.Party).HasConversion<string>().HasMaxLength(32);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.RecordedBy).HasMaxLength(256);
        b.Property(a => a.ScanFileName).HasMaxLength(256);
        b.HasIndex(a => new { a.VersionId, a.Party }).IsUnique(); // each party accepts a version once
        b.HasOne<IsfAgreementVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IsfDocumentOpeningConfiguration : IEntityTypeConfiguration<IsfDocumentOpening>
{
    public void Configure(EntityTypeBuilder<IsfDocumentOpening> b)
    {
        b.Property(o => o.UserId).HasMaxLength(450);
        b.Property(o => o.Sha256).HasMaxLength(64);
        b.HasIndex(o => new { o.VersionId, o.UserId });
        b.HasOne<IsfAgreementVersion>().WithMany().HasForeignKey(o => o.VersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContractTemplateConfiguration : IEntityTypeConfiguration<ContractTemplate>
{
    public void Configure(EntityTypeBuilder<ContractTemplate> b)
    {
        b.Property(t => t.Kind).HasMaxLength(64);
        b.Property(t => t.CreatedBy).HasMaxLength(256);
        b.Property(t => t.PublishedBy).HasMaxLength(256);
        b.Ignore(t => t.IsPublished);
        b.HasIndex(t => new { t.AuthorityId, t.Kind, t.Number }).IsUnique();
        b.HasOne<Authority>().WithMany().HasForeignKey(t => t.AuthorityId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Ledger entries are the domain's own objects; which agreement and when posted are shadow columns.</summary>
public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public const string AgreementId = "AgreementId";
    public const string PostedAt = "PostedAt";

    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("IsfLedgerEntries");
        b.Property<Guid>(AgreementId);
        b.Property<DateTimeOffset>(PostedAt);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.PostedBy).HasMaxLength(256);
        b.Property(e => e.Narrative).HasMaxLength(LedgerEntry.MaxNarrativeLength);
        b.Ignore(e => e.IsSpend);
        b.Ignore(e => e.IsFromAuthority);
        b.Ignore(e => e.BalanceChange);
        b.Ignore(e => e.IsReversal);
        b.Property(e => e.Reason).HasMaxLength(LedgerEntry.MaxReasonLength);
        b.HasIndex(AgreementId, nameof(LedgerEntry.Date));
        // An entry is reversed at most once; a reversal points at the entry it undoes.
        b.HasIndex(e => e.ReversesId).IsUnique();
        b.HasOne<LedgerEntry>().WithMany().HasForeignKey(e => e.ReversesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IsfAgreement>().WithMany().HasForeignKey(AgreementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonRecordReadConfiguration : IEntityTypeConfiguration<PersonRecordRead>
{
    public void Configure(EntityTypeBuilder<PersonRecordRead> b)
    {
        b.Property(r => r.ReaderUserId).HasMaxLength(450);
        b.Property(r => r.ReaderName).HasMaxLength(256);
        b.Property(r => r.ReaderRole).HasMaxLength(100);
        b.Property(r => r.What).HasMaxLength(PersonRecordRead.MaxWhatLength);
        b.HasIndex(r => new { r.SupportedPersonId, r.At });
        b.HasOne<SupportedPerson>().WithMany().HasForeignKey(r => r.SupportedPersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> b)
    {
        b.Property(r => r.Reference).HasMaxLength(40);
        b.Property(r => r.Outcomes).HasMaxLength(SupportRequest.MaxOutcomesLength);
        b.Property(r => r.SupportType).HasMaxLength(100);
        b.Property(r => r.ClientGroup).HasMaxLength(100);
        b.Property(r => r.Preferences).HasMaxLength(SupportRequest.MaxPreferencesLength);
        b.Property(r => r.Language).HasMaxLength(20);
        b.Property(r => r.PostedBy).HasMaxLength(256);
        b.Property(r => r.ChosenBy).HasMaxLength(256);
        b.Property(r => r.HoursPerWeek).HasPrecision(6, 2);
        b.Property(r => r.WeeklyBudget).HasPrecision(12, 2);
        b.Ignore(r => r.OutcomeList);
        b.Ignore(r => r.OpenForOffers);
        b.HasIndex(r => r.AuthorityId);
        b.HasIndex(r => r.SupportedPersonId);
        b.HasIndex(r => r.ApprovalInstanceId);
        b.HasOne<SupportedPerson>().WithMany().HasForeignKey(r => r.SupportedPersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Authority>().WithMany().HasForeignKey(r => r.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Offers).WithOne().HasForeignKey(o => o.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Offers).AutoInclude();
    }
}

internal sealed class SupportOfferConfiguration : IEntityTypeConfiguration<SupportOffer>
{
    public void Configure(EntityTypeBuilder<SupportOffer> b)
    {
        b.Property(o => o.HowOutcomesMet).HasMaxLength(SupportOffer.MaxHowLength);
        b.Property(o => o.MadeBy).HasMaxLength(256);
        b.Property(o => o.Price).HasPrecision(12, 2);
        b.Property(o => o.HoursPerWeek).HasPrecision(6, 2);
        b.HasIndex(o => new { o.RequestId, o.ProviderId }).IsUnique();
        b.HasOne<Provider>().WithMany().HasForeignKey(o => o.ProviderId).OnDelete(DeleteBehavior.Restrict);
    }
}

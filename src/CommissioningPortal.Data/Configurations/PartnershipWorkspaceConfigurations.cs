using CommissioningPortal.Domain.Opportunities;
using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> b)
    {
        b.Property(p => p.Name).HasMaxLength(Partnership.MaxNameLength);
        b.Property(p => p.Purpose).HasMaxLength(Partnership.MaxPurposeLength);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.HasIndex(p => p.InstanceId).IsUnique();
        b.HasIndex(p => p.AuthorityId);
        b.HasOne<Authority>().WithMany().HasForeignKey(p => p.AuthorityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkflowInstance>().WithMany().HasForeignKey(p => p.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(p => p.OpportunityId).OnDelete(DeleteBehavior.NoAction);
        b.HasOne<Opportunity>().WithMany().HasForeignKey(p => p.ProcurementOpportunityId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class PartnershipMemberConfiguration : IEntityTypeConfiguration<PartnershipMember>
{
    public void Configure(EntityTypeBuilder<PartnershipMember> b)
    {
        b.Property(m => m.Name).HasMaxLength(PartnershipMember.MaxNameLength);
        b.Property(m => m.Email).HasMaxLength(PartnershipMember.MaxEmailLength);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Property(m => m.InvitationToken).HasMaxLength(64);
        b.Property(m => m.InvitedBy).HasMaxLength(256);
        b.Ignore(m => m.HasJoined);
        b.HasIndex(m => new { m.PartnershipId, m.Email }).IsUnique();
        b.HasIndex(m => m.InvitationToken).IsUnique();
        b.HasIndex(m => m.UserId);
        b.HasOne<Partnership>().WithMany().HasForeignKey(m => m.PartnershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AllianceMember>().WithMany().HasForeignKey(m => m.AllianceMemberId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal static class RecordItemConfiguration
{
    public static void Item<T>(this EntityTypeBuilder<T> b) where T : PartnershipRecordItem
    {
        b.Property(i => i.RecordedBy).HasMaxLength(256);
        b.HasIndex(i => i.PartnershipId);
        b.HasOne<Partnership>().WithMany().HasForeignKey(i => i.PartnershipId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnershipObjectiveConfiguration : IEntityTypeConfiguration<PartnershipObjective>
{
    public void Configure(EntityTypeBuilder<PartnershipObjective> b)
    {
        b.Item();
        b.Property(o => o.Objective).HasMaxLength(1000);
        b.Property(o => o.Outcome).HasMaxLength(1000);
        b.Property(o => o.Measure).HasMaxLength(1000);
    }
}

internal sealed class PartnershipMeetingConfiguration : IEntityTypeConfiguration<PartnershipMeeting>
{
    public void Configure(EntityTypeBuilder<PartnershipMeeting> b)
    {
        b.Item();
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.Agenda).HasMaxLength(4000);
        b.Property(m => m.Minutes).HasMaxLength(8000);
        b.Property(m => m.MinutesBy).HasMaxLength(256);
    }
}

internal sealed class PartnershipDocumentConfiguration : IEntityTypeConfiguration<PartnershipDocument>
{
    public void Configure(EntityTypeBuilder<PartnershipDocument> b)
    {
        b.Item();
        b.Property(d => d.Title).HasMaxLength(200);
        b.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Versions).AutoInclude();
    }
}

internal sealed class PartnershipDocumentVersionConfiguration : IEntityTypeConfiguration<PartnershipDocumentVersion>
{
    public void Configure(EntityTypeBuilder<PartnershipDocumentVersion> b)
    {
        b.Property(v => v.FileName).HasMaxLength(260);
        b.Property(v => v.ContentType).HasMaxLength(200);
        b.Property(v => v.Location).HasMaxLength(64);
        b.Property(v => v.UploadedBy).HasMaxLength(256);
        b.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
    }
}

internal sealed class PartnershipRiskConfiguration : IEntityTypeConfiguration<PartnershipRisk>
{
    public void Configure(EntityTypeBuilder<PartnershipRisk> b)
    {
        b.Item();
        b.Property(r => r.Description).HasMaxLength(2000);
        b.Property(r => r.Owner).HasMaxLength(200);
        b.Property(r => r.Response).HasMaxLength(2000);
    }
}

internal sealed class PilotMeasureConfiguration : IEntityTypeConfiguration<PilotMeasure>
{
    public void Configure(EntityTypeBuilder<PilotMeasure> b)
    {
        b.Item();
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.Unit).HasMaxLength(60);
        b.Ignore(m => m.InOrder);
        b.HasMany(m => m.Values).WithOne().HasForeignKey(v => v.MeasureId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(m => m.Values).AutoInclude();
    }
}

internal sealed class PilotMeasureValueConfiguration : IEntityTypeConfiguration<PilotMeasureValue>
{
    public void Configure(EntityTypeBuilder<PilotMeasureValue> b)
    {
        b.Property(v => v.Value).HasPrecision(18, 4);
        b.Property(v => v.RecordedBy).HasMaxLength(256);
        b.HasIndex(v => new { v.MeasureId, v.Period }).IsUnique();
    }
}

internal sealed class PilotUnitCostConfiguration : IEntityTypeConfiguration<PilotUnitCost>
{
    public void Configure(EntityTypeBuilder<PilotUnitCost> b)
    {
        b.Item();
        b.Property(c => c.Description).HasMaxLength(200);
        b.Property(c => c.Per).HasMaxLength(100);
    }
}

internal sealed class PilotFeedbackConfiguration : IEntityTypeConfiguration<PilotFeedback>
{
    public void Configure(EntityTypeBuilder<PilotFeedback> b)
    {
        b.Item();
        b.Property(f => f.From).HasMaxLength(200);
        b.Property(f => f.Text).HasMaxLength(4000);
    }
}

internal sealed class AllianceBudgetConfiguration : IEntityTypeConfiguration<AllianceBudget>
{
    public void Configure(EntityTypeBuilder<AllianceBudget> b)
    {
        b.Item();
        b.Property(x => x.Year).HasMaxLength(20);
        b.Property(x => x.Rule).HasMaxLength(2000);
        b.Property(x => x.OutturnBy).HasMaxLength(256);
        b.Ignore(x => x.VariancePence);
        b.HasMany(x => x.Shares).WithOne().HasForeignKey(s => s.BudgetId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Shares).AutoInclude();
    }
}

internal sealed class AllianceShareConfiguration : IEntityTypeConfiguration<AllianceShare>
{
    public void Configure(EntityTypeBuilder<AllianceShare> b)
    {
        b.Property(s => s.Member).HasMaxLength(PartnershipMember.MaxNameLength);
    }
}

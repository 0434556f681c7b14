using CommissioningPortal.Domain.Approvals;
using CommissioningPortal.Domain.Partnerships;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class AllianceMemberConfiguration : IEntityTypeConfiguration<AllianceMember>
{
    public void Configure(EntityTypeBuilder<AllianceMember> b)
    {
        b.Property(m => m.Name).HasMaxLength(256);
        b.Property(m => m.UserId).HasMaxLength(450);
        b.Ignore(m => m.IsCurrent);
        b.HasIndex(m => m.AllianceInstanceId);
        b.HasOne<WorkflowInstance>().WithMany().HasForeignKey(m => m.AllianceInstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AllianceDecisionConfiguration : IEntityTypeConfiguration<AllianceDecision>
{
    public void Configure(EntityTypeBuilder<AllianceDecision> b)
    {
        b.Property(d => d.Proposal).HasMaxLength(2000);
        b.Property(d => d.ProposedBy).HasMaxLength(256);
        b.HasIndex(d => new { d.AllianceInstanceId, d.ProposedAt });
        b.HasOne<WorkflowInstance>().WithMany().HasForeignKey(d => d.AllianceInstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Positions).WithOne().HasForeignKey(p => p.DecisionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(d => d.Positions).AutoInclude();
    }
}

internal sealed class AllianceMemberPositionConfiguration : IEntityTypeConfiguration<AllianceMemberPosition>
{
    public void Configure(EntityTypeBuilder<AllianceMemberPosition> b)
    {
        b.Property(p => p.Reason).HasMaxLength(AllianceDecision.MaxReasonLength);
        b.HasIndex(p => new { p.DecisionId, p.MemberId }).IsUnique();
        b.HasOne<AllianceMember>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class PartnershipEvidenceConfiguration : IEntityTypeConfiguration<PartnershipEvidence>
{
    public void Configure(EntityTypeBuilder<PartnershipEvidence> b)
    {
        b.Property(e => e.Stage).HasMaxLength(64);
        b.Property(e => e.Item).HasMaxLength(64);
        b.Property(e => e.Title).HasMaxLength(PartnershipEvidence.MaxTitleLength);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.HasIndex(e => new { e.PartnershipInstanceId, e.Stage });
        b.HasOne<WorkflowInstance>().WithMany().HasForeignKey(e => e.PartnershipInstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OffFrameworkApprovalConfiguration : IEntityTypeConfiguration<OffFrameworkApproval>
{
    public void Configure(EntityTypeBuilder<OffFrameworkApproval> b)
    {
        b.HasIndex(a => a.InstanceId).IsUnique();
        b.HasOne<WorkflowInstance>().WithMany().HasForeignKey(a => a.InstanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Provider>().WithMany().HasForeignKey(a => a.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Checks).WithOne().HasForeignKey(c => c.ApprovalId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Checks).AutoInclude();
    }
}

internal sealed class ApprovalCheckConfiguration : IEntityTypeConfiguration<ApprovalCheck>
{
    public void Configure(EntityTypeBuilder<ApprovalCheck> b)
    {
        b.Property(c => c.Note).HasMaxLength(ApprovalCheck.MaxNoteLength);
        b.Property(c => c.RecordedBy).HasMaxLength(256);
        b.HasIndex(c => new { c.ApprovalId, c.Kind }).IsUnique();
    }
}

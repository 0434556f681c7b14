using CommissioningPortal.Domain.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> b)
    {
        b.Property(i => i.DefinitionId).HasMaxLength(64);
        b.Property(i => i.State).HasMaxLength(64);
        b.Property(i => i.Title).HasMaxLength(300);
        b.HasIndex(i => new { i.DefinitionId, i.State });
        b.HasIndex(i => i.AuthorityId);
        b.Property(i => i.BusinessKey).HasMaxLength(200);
        b.HasIndex(i => i.BusinessKey).IsUnique(); // null allowed many times on every provider
    }
}

internal sealed class WorkflowHistoryEntryConfiguration : IEntityTypeConfiguration<WorkflowHistoryEntry>
{
    public void Configure(EntityTypeBuilder<WorkflowHistoryEntry> b)
    {
        b.Property(h => h.Trigger).HasMaxLength(64);
        b.Property(h => h.FromState).HasMaxLength(64);
        b.Property(h => h.ToState).HasMaxLength(64);
        b.Property(h => h.Actor).HasMaxLength(256);
        b.Property(h => h.Comment).HasMaxLength(4000);
        b.HasIndex(h => new { h.InstanceId, h.Sequence }).IsUnique();
        b.HasOne<WorkflowInstance>().WithMany().HasForeignKey(h => h.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> b)
    {
        b.Property(w => w.Title).HasMaxLength(300);
        b.Property(w => w.Role).HasMaxLength(64);
        b.Property(w => w.UserId).HasMaxLength(450);
        b.Property(w => w.State).HasMaxLength(64);
        b.Property(w => w.Trigger).HasMaxLength(64);
        b.Property(w => w.ClosedBy).HasMaxLength(256);
        b.Ignore(w => w.IsOpen);
        // The inbox reads open items for a role in an authority in due order, a page at a time:
        // these indexes give that order without sorting every open item (docs/benchmarks.md).
        b.HasIndex(w => new { w.AuthorityId, w.Role, w.ClosedAt, w.DueAt, w.CreatedAt });
        b.HasIndex(w => new { w.UserId, w.ClosedAt, w.DueAt, w.CreatedAt });
        b.HasIndex(w => w.InstanceId);
        b.HasOne<WorkflowInstance>().WithMany().HasForeignKey(w => w.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> b)
    {
        b.Property(t => t.State).HasMaxLength(64);
        b.Property(t => t.Trigger).HasMaxLength(64);
        b.Property(t => t.ClaimedBy).HasMaxLength(100);
        b.HasIndex(t => new { t.FiredAt, t.Cancelled, t.DueAt });
        b.HasIndex(t => t.InstanceId);
        b.HasOne<WorkflowInstance>().WithMany().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

using CommissioningPortal.Data.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommissioningPortal.Data.Configurations;

internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> b)
    {
        b.HasKey(s => s.Token);
        b.Property(s => s.Token).HasMaxLength(FormSubmission.TokenLength);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.Path).HasMaxLength(400);
        b.Property(s => s.ResultUrl).HasMaxLength(2000);
        b.HasIndex(s => s.SubmittedAt);
    }
}

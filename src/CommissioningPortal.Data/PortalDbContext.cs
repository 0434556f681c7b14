using CommissioningPortal.Data.Forms;
using CommissioningPortal.Data.Identity;
using CommissioningPortal.Data.Outbox;
using CommissioningPortal.Domain.Common;
using CommissioningPortal.Domain.Content;
using CommissioningPortal.Domain.Frameworks;
using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Domain.Agreements;
using CommissioningPortal.Domain.People;
using CommissioningPortal.Domain.Workflows;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommissioningPortal.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>Data-protection keys (sign-in cookies, tokens) shared by every app instance on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<Locality> Localities => Set<Locality>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<PassportItem> PassportItems => Set<PassportItem>();
    public DbSet<ProviderRegistration> ProviderRegistrations => Set<ProviderRegistration>();
    public DbSet<ProviderRegistrationItem> ProviderRegistrationItems => Set<ProviderRegistrationItem>();
    public DbSet<ProviderInvitation> ProviderInvitations => Set<ProviderInvitation>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<ServiceRate> ServiceRates => Set<ServiceRate>();
    public DbSet<ServiceTag> ServiceTags => Set<ServiceTag>();
    public DbSet<DirectoryChange> DirectoryChanges => Set<DirectoryChange>();
    public DbSet<ShortlistEntry> ShortlistEntries => Set<ShortlistEntry>();
    public DbSet<ProviderCorrection> ProviderCorrections => Set<ProviderCorrection>();
    public DbSet<ReferenceTerm> ReferenceTerms => Set<ReferenceTerm>();
    public DbSet<ContentPage> ContentPages => Set<ContentPage>();
    public DbSet<ContentPageRevision> ContentPageRevisions => Set<ContentPageRevision>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
    public DbSet<WorkflowInstance> WorkflowInstances => Set<WorkflowInstance>();
    public DbSet<WorkflowHistoryEntry> WorkflowHistory => Set<WorkflowHistoryEntry>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<WorkflowTimer> WorkflowTimers => Set<WorkflowTimer>();
    public DbSet<SupportedPerson> SupportedPeople => Set<SupportedPerson>();
    public DbSet<PersonRecordRead> PersonRecordReads => Set<PersonRecordRead>();
    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();
    public DbSet<SupportOffer> SupportOffers => Set<SupportOffer>();
    public DbSet<IsfAgreement> IsfAgreements => Set<IsfAgreement>();
    public DbSet<IsfAgreementVersion> IsfAgreementVersions => Set<IsfAgreementVersion>();
    public DbSet<IsfAcceptance> IsfAcceptances => Set<IsfAcceptance>();
    public DbSet<IsfDocumentOpening> IsfDocumentOpenings => Set<IsfDocumentOpening>();
    public DbSet<ContractTemplate> ContractTemplates => Set<ContractTemplate>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<Lot> Lots => Set<Lot>();
    public DbSet<LotMember> LotMembers => Set<LotMember>();
    public DbSet<LotRate> LotRates => Set<LotRate>();
    public DbSet<FrameworkRound> FrameworkRounds => Set<FrameworkRound>();
    public DbSet<CallOff> CallOffs => Set<CallOff>();
    public DbSet<CallOffOffer> CallOffOffers => Set<CallOffOffer>();
    public DbSet<CommissioningPortal.Domain.Opportunities.Opportunity> Opportunities => Set<CommissioningPortal.Domain.Opportunities.Opportunity>();
    public DbSet<CommissioningPortal.Domain.Opportunities.OpportunityLot> OpportunityLots => Set<CommissioningPortal.Domain.Opportunities.OpportunityLot>();
    public DbSet<CommissioningPortal.Domain.Opportunities.OpportunityChange> OpportunityChanges => Set<CommissioningPortal.Domain.Opportunities.OpportunityChange>();
    public DbSet<CommissioningPortal.Domain.Tendering.Questionnaire> Questionnaires => Set<CommissioningPortal.Domain.Tendering.Questionnaire>();
    public DbSet<CommissioningPortal.Domain.Tendering.TenderResponse> TenderResponses => Set<CommissioningPortal.Domain.Tendering.TenderResponse>();
    public DbSet<CommissioningPortal.Domain.Tendering.ResponseOpening> ResponseOpenings => Set<CommissioningPortal.Domain.Tendering.ResponseOpening>();
    public DbSet<CommissioningPortal.Domain.Tendering.Clarification> Clarifications => Set<CommissioningPortal.Domain.Tendering.Clarification>();
    public DbSet<CommissioningPortal.Domain.Tendering.ConsortiumMember> ConsortiumMembers => Set<CommissioningPortal.Domain.Tendering.ConsortiumMember>();

    /// <summary>Sealed: empty until the responses are opened (<see cref="SealedResponses"/>, ADR 0019).</summary>
    public DbSet<CommissioningPortal.Domain.Tendering.TenderAnswer> TenderAnswers => Set<CommissioningPortal.Domain.Tendering.TenderAnswer>();

    /// <summary>Sealed: empty until the responses are opened (<see cref="SealedResponses"/>, ADR 0019).</summary>
    public DbSet<CommissioningPortal.Domain.Tendering.TenderPrice> TenderPrices => Set<CommissioningPortal.Domain.Tendering.TenderPrice>();

    /// <summary>Sealed: empty until the responses are opened (<see cref="SealedResponses"/>, ADR 0019).</summary>
    public DbSet<CommissioningPortal.Domain.Tendering.TenderDocument> TenderDocuments => Set<CommissioningPortal.Domain.Tendering.TenderDocument>();
    public DbSet<CommissioningPortal.Domain.Opportunities.OpportunityDocument> OpportunityDocuments => Set<CommissioningPortal.Domain.Opportunities.OpportunityDocument>();
    public DbSet<CommissioningPortal.Domain.Opportunities.OpportunityFollow> OpportunityFollows => Set<CommissioningPortal.Domain.Opportunities.OpportunityFollow>();
    public DbSet<CommissioningPortal.Domain.Opportunities.SavedSearch> SavedSearches => Set<CommissioningPortal.Domain.Opportunities.SavedSearch>();
    public DbSet<CommissioningPortal.Domain.Partnerships.AllianceMember> AllianceMembers => Set<CommissioningPortal.Domain.Partnerships.AllianceMember>();
    public DbSet<CommissioningPortal.Domain.Partnerships.AllianceDecision> AllianceDecisions => Set<CommissioningPortal.Domain.Partnerships.AllianceDecision>();
    public DbSet<CommissioningPortal.Domain.Partnerships.PartnershipEvidence> PartnershipEvidence => Set<CommissioningPortal.Domain.Partnerships.PartnershipEvidence>();
    public DbSet<CommissioningPortal.Domain.Partnerships.Partnership> Partnerships => Set<CommissioningPortal.Domain.Partnerships.Partnership>();
    public DbSet<CommissioningPortal.Domain.Partnerships.PartnershipMember> PartnershipMembers => Set<CommissioningPortal.Domain.Partnerships.PartnershipMember>();
    public DbSet<CommissioningPortal.Domain.Partnerships.PartnershipObjective> PartnershipObjectives => Set<CommissioningPortal.Domain.Partnerships.PartnershipObjective>();
    public DbSet<CommissioningPortal.Domain.Partnerships.PartnershipMeeting> PartnershipMeetings => Set<CommissioningPortal.Domain.Partnerships.PartnershipMeeting>();
    public DbSet<CommissioningPortal.Domain.Partnerships.PartnershipDocument> PartnershipDocuments => Set<CommissioningPortal.Domain.Partnerships.PartnershipDocument>();
    public DbSet<CommissioningPortal.Domain.Partnerships.PartnershipRisk> PartnershipRisks => Set<CommissioningPortal.Domain.Partnerships.PartnershipRisk>();
    public DbSet<CommissioningPortal.Domain.Partnerships.PilotMeasure> PilotMeasures => Set<CommissioningPortal.Domain.Partnerships.PilotMeasure>();
    public DbSet<CommissioningPortal.Domain.Partnerships.PilotUnitCost> PilotUnitCosts => Set<CommissioningPortal.Domain.Partnerships.PilotUnitCost>();
    public DbSet<CommissioningPortal.Domain.Partnerships.AllianceBudget> AllianceBudgets => Set<CommissioningPortal.Domain.Partnerships.AllianceBudget>();
    public DbSet<CommissioningPortal.Domain.Partnerships.PilotFeedback> PilotFeedback => Set<CommissioningPortal.Domain.Partnerships.PilotFeedback>();
    public DbSet<CommissioningPortal.Domain.Approvals.OffFrameworkApproval> OffFrameworkApprovals => Set<CommissioningPortal.Domain.Approvals.OffFrameworkApproval>();
    public DbSet<CommissioningPortal.Domain.Evaluations.Evaluation> Evaluations => Set<CommissioningPortal.Domain.Evaluations.Evaluation>();
    public DbSet<CommissioningPortal.Domain.Evaluations.EvaluatorScore> EvaluatorScores => Set<CommissioningPortal.Domain.Evaluations.EvaluatorScore>();
    public DbSet<CommissioningPortal.Domain.Evaluations.SustainablePriceFloor> SustainablePriceFloors => Set<CommissioningPortal.Domain.Evaluations.SustainablePriceFloor>();
    public DbSet<CommissioningPortal.Domain.Evaluations.FeedbackLetter> FeedbackLetters => Set<CommissioningPortal.Domain.Evaluations.FeedbackLetter>();
    public DbSet<CommissioningPortal.Domain.Evaluations.ContractRecord> ContractRecords => Set<CommissioningPortal.Domain.Evaluations.ContractRecord>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset stored as text; store UTC ticks instead.
        if (IsSqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        SealedResponses.Apply(builder, this);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }

        // The domain gives every row its id when it makes it (Guid.NewGuid()). Told so, EF inserts a
        // new child added to a loaded parent's collection (a rate, an area, a lot member); with a
        // "generated" key that is already set it would take the child for an existing row and UPDATE
        // it, failing as a concurrency conflict (issue 12: no existing service could be changed).
        foreach (var key in builder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            if (key.Properties is [{ ClrType: var type } property] && type == typeof(Guid)) property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardImmutableRecords();
        BumpVersions();
        RecordDirectoryChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardImmutableRecords();
        BumpVersions();
        RecordDirectoryChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Optimistic concurrency that works the same on SQLite, SQL Server and PostgreSQL: the
    /// UPDATE carries "WHERE Version = original" and sets Version + 1, so a stale save fails with
    /// <see cref="DbUpdateConcurrencyException"/> instead of overwriting someone else's change.
    /// </summary>
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = (int)entry.OriginalValues[nameof(IVersioned.Version)]! + 1;
            }
        }
    }

    /// <summary>
    /// A <see cref="DirectoryChange"/> for every service whose entry this save adds, changes or removes (the
    /// service itself, its tags, areas or rates), in the same transaction, so every node's in-memory
    /// directory index learns of it before its next search (ADR 0024).
    /// </summary>
    private void RecordDirectoryChanges()
    {
        HashSet<Guid>? changed = null;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            Guid? serviceId = entry.Entity switch
            {
                Service service => service.Id,
                ServiceTag tag => tag.ServiceId,
                ServiceRate rate => rate.ServiceId,
                ServiceArea area => area.ServiceId,
                _ => null,
            };
            if (serviceId is { } id) (changed ??= []).Add(id);
        }
        foreach (var id in changed ?? []) DirectoryChanges.Add(new DirectoryChange { ServiceId = id });
    }

    /// <summary>
    /// What parties accepted can never change: an offered agreement's terms and PDF, a final PDF once
    /// written, an acceptance, a published template. Deleting them is refused too.
    /// </summary>
    private void GuardImmutableRecords()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            var refused = entry switch
            {
                { Entity: IsfAcceptance, State: EntityState.Modified or EntityState.Deleted } => "an acceptance",
                { Entity: LedgerEntry, State: EntityState.Modified or EntityState.Deleted } => "a ledger entry (post an adjustment instead)",
                { Entity: IsfAgreementVersion, State: EntityState.Deleted } => "an agreement version",
                { Entity: IsfAgreementVersion, State: EntityState.Modified } when
                    entry.Property(nameof(IsfAgreementVersion.TermsJson)).IsModified ||
                    entry.Property(nameof(IsfAgreementVersion.OfferedPdf)).IsModified ||
                    entry.Property(nameof(IsfAgreementVersion.OfferedSha256)).IsModified ||
                    (entry.Property(nameof(IsfAgreementVersion.FinalPdf)).IsModified && entry.Property(nameof(IsfAgreementVersion.FinalPdf)).OriginalValue is not null)
                    => "the terms or PDF of an offered agreement version",
                { Entity: ContractTemplate, State: EntityState.Modified or EntityState.Deleted } when
                    entry.Property(nameof(ContractTemplate.PublishedAt)).OriginalValue is not null => "a published template",
                _ => null,
            };
            if (refused is not null) throw new InvalidOperationException($"Refused to change {refused}: it is a record of what was agreed.");
        }
    }
}

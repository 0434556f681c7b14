namespace CommissioningPortal.Documents.Templates;

/// <summary>
/// Everything an Individual Service Fund (three-way) agreement template can merge. Property names
/// become snake_case Liquid fields: <c>Budget.PersonContribution</c> is <c>{{ budget.person_contribution }}</c>.
/// Money is <see cref="decimal"/> pounds; the template formats it with <c>| money</c>.
/// <para>
/// The agreement PDF that parties accept is generated from this model without <see cref="Acceptances"/>
/// (they do not change the accepted bytes); the acceptances are printed only by
/// <see cref="AgreementTemplate.RenderFinal"/>.
/// </para>
/// </summary>
public sealed record IsfAgreementModel
{
    /// <summary>The authority's reference, printed in every page header, e.g. "ISF-GLN-2026-0147".</summary>
    public required string AgreementReference { get; init; }

    /// <summary>1 for the first agreement; each variation is a new version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>For a variation: what changed since the previous version, in plain words. Empty for version 1.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    /// <summary>For a variation: why it was made, in the practitioner's words; null for version 1.</summary>
    public string? ChangeReason { get; init; }

    /// <summary>When this version was generated (the PDF's creation date; never the clock at render time).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When support under this agreement starts.</summary>
    public required DateOnly StartDate { get; init; }

    public required PersonDetails Person { get; init; }

    /// <summary>Someone who signs and speaks for the person (family member, guardian, attorney); null when the person signs.</summary>
    public RepresentativeDetails? Representative { get; init; }

    public required ProviderDetails Provider { get; init; }
    public required AuthorityDetails Authority { get; init; }

    /// <summary>The person's outcomes, in their own words where possible.</summary>
    public required IReadOnlyList<string> Outcomes { get; init; }

    public required IsfBudget Budget { get; init; }
    public required BudgetHolder BudgetHolder { get; init; }
    public required ManagementFee ManagementFee { get; init; }
    public required PaymentSchedule PaymentSchedule { get; init; }
    public required Flexibility Flexibility { get; init; }

    public required DateOnly ReviewDate { get; init; }

    /// <summary>Weeks of notice to end the agreement or change provider.</summary>
    public int NoticeWeeks { get; init; } = 4;

    /// <summary>Where anyone can check an agreement PDF's SHA-256 (printed on the acceptance record).</summary>
    public string? VerificationUrl { get; init; }

    /// <summary>One per party who accepted; empty until someone accepts.</summary>
    public IReadOnlyList<Acceptance> Acceptances { get; init; } = [];

    /// <summary>The payments for the first year (52 weeks), worked out from the schedule and the weekly budget.</summary>
    public IReadOnlyList<ScheduledPayment> Payments => PaymentSchedule.PaymentsFor(Budget.Weekly, 52);

    /// <summary>Every merge-field path a template may use, e.g. "person.name", "budget.weekly", "payments[].amount".</summary>
    public static IReadOnlySet<string> FieldPaths => MergeSchema.For<IsfAgreementModel>().Paths;

    /// <summary>A realistic agreement for tests and template previews (a representative signs for the person).</summary>
    public static IsfAgreementModel Sample() => new()
    {
        AgreementReference = "ISF-GLN-2026-0147",
        Version = 1,
        CreatedAt = new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.Zero),
        StartDate = new DateOnly(2026, 12, 7),
        Person = new PersonDetails("Jamie Reid", "Flat 2, 14 Loch View Crescent, Glenmore, GM4 2QT"),
        Representative = new RepresentativeDetails("Morag Reid", "mother and welfare guardian"),
        Provider = new ProviderDetails("Bright Steps Support", "organisation")
        {
            Signatory = "Aileen Murray",
            SignatoryRole = "Service Manager",
            Email = "hello@brightsteps.example",
            Phone = "01234 567 890",
            CareInspectorateNumber = "CS2019371123",
        },
        Authority = new AuthorityDetails("Glenmore Council")
        {
            Signatory = "Craig Paterson",
            SignatoryRole = "Team Manager, Adult Social Work",
            Practitioner = "Rhona Campbell",
            Email = "sds@glenmore.example",
            Phone = "01234 100 200",
        },
        Outcomes =
        [
            "Get out into the community at least three times a week, including the Saturday football group",
            "Live in my own flat, with help to cook, shop and keep on top of my bills",
            "See my friends and family when I want to, including visits to my gran in Oban",
            "Find voluntary work with animals by next summer",
            "Stay well: go to my health appointments and keep active",
        ],
        Budget = new IsfBudget(
            Weekly: 412.50m,
            PersonContribution: 18.00m,
            HowSet: "Your budget was worked out with you by Rhona Campbell at your assessment on 3 November 2026, using Glenmore Council's resource allocation for 15 hours of support a week at £27.50 an hour, including the management fee."),
        BudgetHolder = new BudgetHolder(BudgetHolderKind.Provider, "Bright Steps Support"),
        ManagementFee = new ManagementFee(ManagementFeeOption.FlatWeekly,
            "a flat fee of £15.00 a week, already included in the weekly amount, which pays for managing the ISF, payroll and statements")
        {
            WeeklyAmount = 15.00m,
        },
        PaymentSchedule = new PaymentSchedule(new DateOnly(2026, 12, 7)) { IntervalWeeks = 4, InAdvance = true, Method = "bank transfer (BACS)" },
        Flexibility = new Flexibility(
            Changes: "Jamie and Bright Steps Support can change how, when and where support is used, as long as it stays within the budget and works towards Jamie's outcomes. They tell Glenmore Council about the change in the next statement; they do not need to ask first.",
            CarryOver: "Money not used in one four-week period stays in the ISF and can be used later in the year, for example to save up hours for a trip. Up to 10% of the annual budget can be carried into the next year; anything above that is talked about at the review.",
            TopUps: "If Jamie's needs change suddenly, Glenmore Council can add a one-off payment or a top-up without a new agreement. It confirms this in writing within five working days."),
        ReviewDate = new DateOnly(2027, 6, 7),
        NoticeWeeks = 4,
        VerificationUrl = "https://portal.example.scot/verify",
    };
}

public sealed record PersonDetails(string Name, string? Address = null);

public sealed record RepresentativeDetails(string Name, string Relationship);

/// <param name="Kind">"organisation" (a registered care organisation), "micro-provider", "personal-assistant"
/// (self-employed) or "supplier" (something that is not care). Templates choose clauses by it, directly
/// (<c>{% if provider.kind == "personal-assistant" %}</c>) or through the conditions below.</param>
public sealed record ProviderDetails(string Name, string Kind)
{
    /// <summary><c>{% if provider.registered_care_service %}</c>: registered with the Care Inspectorate (an organisation,
    /// or a micro-provider with a registration number); its duties include the registration and its staff's PVG checks.</summary>
    public bool RegisteredCareService => Kind == "organisation" || (Kind == "micro-provider" && !string.IsNullOrWhiteSpace(CareInspectorateNumber));

    /// <summary><c>{% if provider.employs_workers %}</c>: an organisation or micro-provider whose workers support the person.</summary>
    public bool EmploysWorkers => Kind is "organisation" or "micro-provider";

    /// <summary><c>{% if provider.personal_assistant %}</c>: a self-employed Personal Assistant who supports the person themselves.</summary>
    public bool PersonalAssistant => Kind == "personal-assistant";

    /// <summary><c>{% if provider.supplier %}</c>: sells something that is not care (a class, a membership, equipment).</summary>
    public bool Supplier => Kind == "supplier";

    /// <summary>The person who accepts for the provider.</summary>
    public string? Signatory { get; init; }
    public string? SignatoryRole { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? CareInspectorateNumber { get; init; }
}

public sealed record AuthorityDetails(string Name)
{
    /// <summary>The officer who authorises the agreement for the authority.</summary>
    public string? Signatory { get; init; }
    public string? SignatoryRole { get; init; }

    /// <summary>The person's allocated practitioner (social worker or care manager).</summary>
    public string? Practitioner { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
}

/// <param name="Weekly">The ISF a week, in pounds, including any management fee.</param>
/// <param name="PersonContribution">What the person is assessed to contribute a week (0 for none).</param>
/// <param name="HowSet">How the amount was worked out, in plain words.</param>
public sealed record IsfBudget(decimal Weekly, decimal PersonContribution, string HowSet)
{
    /// <summary>52 weeks of the weekly amount.</summary>
    public decimal Annual => Weekly * 52;
}

public enum BudgetHolderKind
{
    Authority,
    Provider,
    ThirdParty,
}

/// <summary>Who holds the ISF: <c>{{ budget_holder.kind }}</c> is "authority", "provider" or "third-party".</summary>
public sealed record BudgetHolder(BudgetHolderKind Kind, string Name);

public enum ManagementFeeOption
{
    ExtraHours,
    FlatWeekly,
    ConsolidatedRate,
}

/// <summary><c>{{ management_fee.option }}</c> is "extra-hours", "flat-weekly" or "consolidated-rate".</summary>
public sealed record ManagementFee(ManagementFeeOption Option, string Description)
{
    public decimal? WeeklyAmount { get; init; }
}

/// <summary>When the authority pays the ISF: every <see cref="IntervalWeeks"/> weeks from <see cref="FirstPayment"/>.</summary>
public sealed record PaymentSchedule(DateOnly FirstPayment)
{
    public int IntervalWeeks { get; init; } = 4;

    /// <summary>Paid at the start of each period (true) or after it ends (false).</summary>
    public bool InAdvance { get; init; } = true;

    /// <summary>Whether the provider must invoice; the CCPS model pays without invoices.</summary>
    public bool Invoices { get; init; }

    public string Method { get; init; } = "bank transfer";

    public IReadOnlyList<ScheduledPayment> PaymentsFor(decimal weekly, int weeks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(IntervalWeeks, 1);
        var payments = new List<ScheduledPayment>();
        for (var i = 0; i * IntervalWeeks < weeks; i++)
        {
            var start = FirstPayment.AddDays(7 * IntervalWeeks * i);
            var end = start.AddDays(7 * IntervalWeeks - 1);
            payments.Add(new ScheduledPayment(i + 1, start, end, InAdvance ? start : end.AddDays(1), weekly * IntervalWeeks));
        }
        return payments;
    }
}

public sealed record ScheduledPayment(int Number, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly PaidOn, decimal Amount);

/// <summary>The flexibility rules, in plain words.</summary>
/// <param name="Changes">How the person and provider change support within the budget (and that they only report it).</param>
/// <param name="CarryOver">What happens to money not spent.</param>
/// <param name="TopUps">Top-ups and one-off payments.</param>
public sealed record Flexibility(string Changes, string CarryOver, string TopUps);

public enum AgreementParty
{
    Person,
    Representative,
    Provider,
    Authority,
}

/// <summary>One party's acceptance: who, when, and the SHA-256 (hex) of the exact PDF bytes accepted.</summary>
/// <param name="How">How they accepted, in words: "accepted in the portal", or "signed on paper, recorded by …".</param>
public sealed record Acceptance(AgreementParty Party, string Name, DateTimeOffset At, string Sha256, string How = "accepted in the portal");

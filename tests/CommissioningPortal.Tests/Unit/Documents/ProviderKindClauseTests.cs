using CommissioningPortal.Documents;
using CommissioningPortal.Documents.Templates;
using CommissioningPortal.Tests.Infrastructure;
using Xunit;

namespace CommissioningPortal.Tests.Unit.Documents;

/// <summary>
/// Issue 14 item 7: the contract follows the provider. A Personal Assistant's agreement once said they
/// "keep its registration with the Care Inspectorate, check that staff are members of the PVG scheme";
/// the default template now chooses its clauses by the provider's kind (read back from the PDF).
/// </summary>
public sealed class ProviderKindClauseTests
{
    private static string Text(string kind, string? careInspectorateNumber = null)
    {
        var sample = IsfAgreementModel.Sample();
        var model = sample with
        {
            Provider = sample.Provider with { Kind = kind, CareInspectorateNumber = careInspectorateNumber },
        };
        return string.Join(" ", PdfFiles.Pages(PdfRenderer.Render(AgreementTemplate.Render(AgreementTemplate.Default, model))));
    }

    [Fact]
    public void A_registered_organisation_keeps_its_registration_and_checks_its_staff()
    {
        var text = Text("organisation", "CS2019371123");

        Assert.Contains("Keeps its registration with the Care Inspectorate", text);
        Assert.Contains("checks that staff are members of the PVG scheme", text);
        Assert.Contains("complain to the Care Inspectorate about Bright Steps Support", text);
        Assert.DoesNotContain("self-employed Personal Assistant", text);
    }

    [Fact]
    public void A_personal_assistant_has_no_care_inspectorate_or_staff_pvg_clause_but_their_own_duties()
    {
        var text = Text("personal-assistant");

        Assert.DoesNotContain("Care Inspectorate", text);
        Assert.DoesNotContain("staff are members", text);
        Assert.Contains("is a member of the PVG scheme for work with adults", text);
        Assert.Contains("you are not their employer", text);
        Assert.Contains("Holds public liability insurance", text);
    }

    [Fact]
    public void A_micro_provider_checks_its_workers_and_registers_only_when_its_support_needs_it()
    {
        var unregistered = Text("micro-provider");
        Assert.Contains("Checks that everyone who supports you is a member of the PVG scheme", unregistered);
        Assert.DoesNotContain("Keeps its registration with the Care Inspectorate", unregistered);

        var registered = Text("micro-provider", "CS2024000001");
        Assert.Contains("Keeps its registration with the Care Inspectorate", registered);
    }

    [Fact]
    public void A_non_care_supplier_gives_no_personal_care_and_is_not_asked_for_pvg_or_registration()
    {
        var text = Text("supplier");

        Assert.Contains("They do not give personal care", text);
        Assert.DoesNotContain("PVG", text);
        Assert.DoesNotContain("Care Inspectorate", text);
    }

    [Fact]
    public void Authority_templates_can_use_the_provider_kind_as_a_merge_condition()
    {
        foreach (var path in new[] { "provider.kind", "provider.registered_care_service", "provider.employs_workers", "provider.personal_assistant", "provider.supplier" })
            Assert.Contains(path, AgreementTemplate.FieldPaths);
        Assert.Empty(AgreementTemplate.Validate("{% if provider.personal_assistant %}You employ no one.{% endif %}"));
    }
}

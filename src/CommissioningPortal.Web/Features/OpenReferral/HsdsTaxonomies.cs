using CommissioningPortal.Domain.Marketplace;
using CommissioningPortal.Domain.Reference;
using CommissioningPortal.Domain.Tenancy;
using CommissioningPortal.Web.Features.ProviderDirectory;

namespace CommissioningPortal.Web.Features.OpenReferral;

/// <summary>One published taxonomy: its HSDS form, how its terms link to services, and its terms.</summary>
public sealed record HsdsTaxonomyEntry(HsdsTaxonomy Taxonomy, string LinkType, string TagPrefix, IReadOnlyList<HsdsTermEntry> Terms);

/// <summary>One term, with the directory tag (see <see cref="ServiceTag"/>) that finds the services it describes.</summary>
public sealed record HsdsTermEntry(HsdsTaxonomyTerm Term, string Code, string Tag);

/// <summary>
/// The taxonomies the feed publishes: the reference lists of client groups and support types, the
/// languages services are offered in, and the kinds of provider. Languages and kinds are taxonomies
/// here because the UK profile keeps no field for a language's name or an organisation's legal status.
/// </summary>
public sealed class HsdsTaxonomies
{
    private HsdsTaxonomies(IReadOnlyList<HsdsTaxonomyEntry> all) => All = all;

    public IReadOnlyList<HsdsTaxonomyEntry> All { get; }

    public IEnumerable<HsdsTermEntry> Terms => All.SelectMany(t => t.Terms);

    public HsdsTaxonomyEntry? Taxonomy(Guid id) => All.FirstOrDefault(t => t.Taxonomy.Id == id);

    public HsdsTermEntry? Term(Guid id) => Terms.FirstOrDefault(t => t.Term.Id == id);

    public HsdsTaxonomyEntry TaxonomyOf(HsdsTermEntry term) => All.First(t => t.Taxonomy.Id == term.Term.TaxonomyId);

    /// <summary>A service's attributes: one per term whose tag the service carries.</summary>
    public IReadOnlyList<HsdsAttribute> AttributesOf(Guid linkId, IEnumerable<string> tags)
    {
        var set = tags.ToHashSet(StringComparer.Ordinal);
        return All.SelectMany(t => t.Terms.Where(term => set.Contains(term.Tag)).Select(term =>
            new HsdsAttribute(OpenReferralApi.StableId("attribute", linkId, term.Tag), linkId, term.Term.Id, t.LinkType, term.Term))).ToList();
    }

    public static HsdsTaxonomies Build(DirectoryReference reference, string feedUrl)
    {
        HsdsTaxonomyEntry Entry(string key, string name, string description, string? uri, string linkType, string tagPrefix,
            IEnumerable<(Guid Id, string Code, string Label, string Description, string Tag)> terms)
        {
            var taxonomy = new HsdsTaxonomy(OpenReferralApi.StableId("taxonomy", key), name, description, uri, "1");
            return new HsdsTaxonomyEntry(taxonomy, linkType, tagPrefix, terms.Select(t => new HsdsTermEntry(
                new HsdsTaxonomyTerm(t.Id, t.Label, t.Description, name, taxonomy.Id, $"{feedUrl}/taxonomy_terms/{t.Id}", t.Code), t.Code, t.Tag)).ToList());
        }

        static (Guid, string, string, string, string) Reference(ReferenceTerm t, string tag) => (t.Id, t.Code, t.Label, t.Description ?? t.Label, tag);

        return new HsdsTaxonomies(
        [
            Entry(ReferenceSchemes.ClientGroup, "Client groups", "Who a service is for (Scottish social care client groups).", null, "audience",
                ServiceTag.ForClientGroup(""), reference.ClientGroups.Select(t => Reference(t, ServiceTag.ForClientGroup(t.Code)))),
            Entry(ReferenceSchemes.SupportType, "Support types", "What kind of support a service gives under Self-directed Support.", null, "support_type",
                ServiceTag.ForSupportType(""), reference.SupportTypes.Select(t => Reference(t, ServiceTag.ForSupportType(t.Code)))),
            Entry("language", "Languages", "Languages a service is offered in, by ISO 639 code.", null, "language",
                ServiceTag.ForLanguage(""), ServiceLanguages.Names.Select(l => (OpenReferralApi.StableId("language", l.Key), l.Key, l.Value,
                    $"The service is offered in {l.Value}.", ServiceTag.ForLanguage(l.Key)))),
            Entry("provider-kind", "Kinds of provider", "What kind of provider gives a service: a registered organisation, a micro-provider, a self-employed Personal Assistant or a non-care supplier.",
                null, "provider_kind", "k:", Enum.GetValues<ProviderKind>().Select(k => (OpenReferralApi.StableId("provider-kind", k), KindCode(k),
                    Provider.KindDisplayName(k), Provider.KindDisplayName(k) + ".", ServiceTag.ForKind(k)))),
        ]);
    }

    private static string KindCode(ProviderKind kind) => kind switch
    {
        ProviderKind.RegisteredOrganisation => "registered-organisation",
        ProviderKind.MicroProvider => "micro-provider",
        ProviderKind.PersonalAssistant => "personal-assistant",
        ProviderKind.NonCareSupplier => "non-care-supplier",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

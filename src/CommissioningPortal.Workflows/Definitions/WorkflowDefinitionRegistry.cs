namespace CommissioningPortal.Workflows.Definitions;

/// <summary>
/// Every loaded definition, by id and version. Loaded once at start-up; an invalid file stops
/// start-up (see <see cref="DefinitionLoader"/>).
/// </summary>
public sealed class WorkflowDefinitionRegistry
{
    private readonly Dictionary<string, WorkflowDefinition> _byKey;

    public WorkflowDefinitionRegistry(IEnumerable<WorkflowDefinition> definitions)
    {
        _byKey = definitions.ToDictionary(d => d.Key);
    }

    public static WorkflowDefinitionRegistry LoadFrom(string folder) => new(DefinitionLoader.LoadFolder(folder));

    public IReadOnlyCollection<WorkflowDefinition> All => _byKey.Values;

    /// <summary>The version an instance is pinned to.</summary>
    public WorkflowDefinition Get(string id, int version) =>
        _byKey.TryGetValue($"{id}.v{version}", out var d) ? d : throw new KeyNotFoundException($"No workflow definition {id}.v{version}.");

    /// <summary>The newest version: what a new instance starts on.</summary>
    public WorkflowDefinition Latest(string id) =>
        _byKey.Values.Where(d => d.Id == id).MaxBy(d => d.Version) ?? throw new KeyNotFoundException($"No workflow definition '{id}'.");
}

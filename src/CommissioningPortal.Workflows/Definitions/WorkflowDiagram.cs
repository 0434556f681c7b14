using Stateless;

namespace CommissioningPortal.Workflows.Definitions;

/// <summary>Builds a Stateless machine from a definition, with the state kept outside it.</summary>
public static class WorkflowMachine
{
    /// <param name="guard">Evaluates a named guard (a domain rule); every guard holds when omitted.</param>
    public static StateMachine<string, string> Build(WorkflowDefinition definition, Func<string> readState, Action<string> writeState,
        Func<string, bool>? guard = null)
    {
        guard ??= static _ => true;
        var machine = new StateMachine<string, string>(readState, writeState);
        foreach (var state in definition.States)
        {
            var config = machine.Configure(state.Name);
            foreach (var transition in definition.Transitions.Where(t => t.From.Contains(state.Name)))
            {
                if (transition.Guard is { } name)
                {
                    config.PermitIf(transition.Trigger, transition.To, () => guard(name), name);
                }
                else if (transition.To == state.Name)
                {
                    config.PermitReentry(transition.Trigger);
                }
                else
                {
                    config.Permit(transition.Trigger, transition.To);
                }
            }
        }
        return machine;
    }

    /// <summary>
    /// The definition as a Mermaid state diagram: states labelled with their titles, transitions
    /// with theirs, final states leading out, and <paramref name="current"/> highlighted.
    /// Carries an accessible title and description for screen readers.
    /// </summary>
    public static string Mermaid(WorkflowDefinition definition, string? current = null)
    {
        var ids = definition.States.Select((s, i) => (s.Name, Id: $"s{i}")).ToDictionary(x => x.Name, x => x.Id);
        var text = new System.Text.StringBuilder("stateDiagram-v2\n");
        text.Append("    accTitle: ").Append(Label(definition.Title)).Append('\n');
        text.Append("    accDescr: ").Append(Label($"{definition.States.Count} stages from {definition.State(definition.InitialState)!.Title}" +
                                                      (current is null ? "" : $"; now at {definition.State(current)?.Title ?? current}"))).Append('\n');
        foreach (var state in definition.States)
        {
            text.Append("    ").Append(ids[state.Name]).Append(" : ").Append(Label(state.Title)).Append('\n');
        }
        text.Append("    [*] --> ").Append(ids[definition.InitialState]).Append('\n');
        foreach (var t in definition.Transitions)
        {
            foreach (var from in t.From)
            {
                text.Append("    ").Append(ids[from]).Append(" --> ").Append(ids[t.To]).Append(" : ").Append(Label(t.Title ?? t.Trigger)).Append('\n');
            }
        }
        foreach (var final in definition.States.Where(s => s.Final))
        {
            text.Append("    ").Append(ids[final.Name]).Append(" --> [*]\n");
        }
        if (current is not null && ids.TryGetValue(current, out var now))
        {
            text.Append("    classDef current fill:#0065bd,color:#ffffff,stroke:#002d54,stroke-width:3px\n");
            text.Append("    class ").Append(now).Append(" current\n");
        }
        return text.ToString();
    }

    /// <summary>Mermaid's grammar gives meaning to a few characters; labels are plain words.</summary>
    private static string Label(string text) => string.Concat(text.Select(c => c is ':' or ';' or '#' or '"' or '{' or '}' or '<' or '>' or '\n' or '\r' ? ' ' : c)).Trim();
}

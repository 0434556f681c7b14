using Stateless;
using Stateless.Graph;

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

    /// <summary>The definition as a Mermaid state diagram (Stateless's own export).</summary>
    public static string Mermaid(WorkflowDefinition definition)
    {
        var state = definition.InitialState;
        return MermaidGraph.Format(Build(definition, () => state, s => state = s).GetInfo());
    }
}

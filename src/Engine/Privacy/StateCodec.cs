using System.Text.Json;
using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Runtime.State;

namespace RJH.DeviceWorkflows.Engine.Privacy;

/// <summary>
/// The text of <c>InstanceRecord.State</c>: an <see cref="InstanceState"/> whose personal variables (instance
/// variables, scope locals, multi-instance items and results) are encrypted. Everything that reads or writes the
/// stored state goes through here, so a personal value is never in the database in clear and always clear to a command.
/// </summary>
internal sealed class StateCodec(PersonalVariables personal)
{
    public PersonalVariables Personal { get; } = personal;

    public string Serialize(InstanceState state)
    {
        if (!VariableParts(state).Any(Personal.HoldsPersonal)) return state.Serialize();
        var node = JsonSerializer.SerializeToNode(state, InstanceState.Json)!;
        foreach (var part in StoredVariableParts(node)) Personal.Protect(part);
        return node.ToJsonString(InstanceState.Json);
    }

    /// <param name="lenient">For views: a value whose key is lost reads as masked instead of failing.</param>
    public InstanceState Deserialize(string json, bool lenient = false)
    {
        // Most instances hold nothing personal: they skip the extra pass over a JSON tree.
        if (!json.Contains(PersonalVariables.ProtectedKey, StringComparison.Ordinal)) return InstanceState.Deserialize(json);
        var node = JsonNode.Parse(json);
        Personal.Unprotect(node, lenient);
        return node.Deserialize<InstanceState>(InstanceState.Json) ?? new InstanceState();
    }

    /// <summary>A job's evaluated inputs as stored in the outbox, personal ones encrypted.</summary>
    public string SerializeInputs(JsonObject inputs)
    {
        if (!Personal.HoldsPersonal(inputs)) return inputs.ToJsonString();
        var copy = inputs.DeepClone();
        Personal.Protect(copy);
        return copy.ToJsonString();
    }

    public JsonObject DeserializeInputs(string json)
    {
        var inputs = JsonNode.Parse(json) as JsonObject ?? [];
        Personal.Unprotect(inputs);
        return inputs;
    }

    private static IEnumerable<JsonNode?> VariableParts(InstanceState state) =>
        [state.Variables, .. state.Scopes.Select(s => s.Locals), .. state.Tokens.Where(t => t.MultiInstance is not null)
            .SelectMany(t => new JsonNode?[] { t.MultiInstance!.Items, t.MultiInstance.Outputs })];

    /// <summary>The same parts in the serialised tree (camelCase names of <see cref="InstanceState.Json"/>).</summary>
    private static IEnumerable<JsonNode?> StoredVariableParts(JsonNode state) =>
        [state["variables"], .. Items(state["scopes"]).Select(s => s?["locals"]),
            .. Items(state["tokens"]).Select(t => t?["multiInstance"]).Where(m => m is not null).SelectMany(m => new[] { m!["items"], m["outputs"] })];

    private static IEnumerable<JsonNode?> Items(JsonNode? array) => array as JsonArray ?? [];
}

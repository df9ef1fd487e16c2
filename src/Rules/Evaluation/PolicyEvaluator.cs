using System.Collections.Concurrent;
using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Validation;

namespace RJH.DeviceWorkflows.Rules.Evaluation;

/// <summary>
/// Evaluates a version of a set against facts. Versions never change once stored, so each
/// (set, version) is compiled once and kept for the life of the process.
/// </summary>
internal sealed class PolicyEvaluator(PolicyValidator validator)
{
    private readonly ConcurrentDictionary<(string Set, int Version), Lazy<Task<CompiledPolicy>>> compiled = new();

    /// <param name="loadTableJson">Called only when this version is not compiled yet.</param>
    /// <exception cref="PolicyRulesException">The stored table no longer validates (e.g. edited in the database).</exception>
    public async Task<CompiledPolicy> GetAsync(string set, int version, Func<Task<string>> loadTableJson)
    {
        var key = (set, version);
        var entry = compiled.GetOrAdd(key, _ => new Lazy<Task<CompiledPolicy>>(() => CompileAsync(set, version, loadTableJson)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed compile (or a failed load) is not cached: the next call tries again.
            compiled.TryRemove(new KeyValuePair<(string, int), Lazy<Task<CompiledPolicy>>>(key, entry));
            throw;
        }
    }

    public Task<CompiledPolicy> GetAsync(string set, int version, string tableJson) =>
        GetAsync(set, version, () => Task.FromResult(tableJson));

    public async ValueTask<PolicyDecision> EvaluateAsync(string set, int version, string tableJson, JsonElement facts)
    {
        var policy = await GetAsync(set, version, tableJson);
        return await policy.EvaluateAsync(policy.Shape.Read(facts));
    }

    private async Task<CompiledPolicy> CompileAsync(string set, int version, Func<Task<string>> loadTableJson)
    {
        var json = await loadTableJson();
        // Checked again although it was checked on save: the database is not the only way rows get written.
        var result = validator.Validate(set, json);
        if (!result.IsValid) throw new PolicyRulesException(result.Errors);
        var policy = CompiledPolicy.Create(set, version, result.Table!, PolicySetDefinition.Get(set).Shape);
        policy.WarmUp();
        return policy;
    }
}

using System.Text.Json;
using RJH.DeviceWorkflows.Rules.Decisions;
using RJH.DeviceWorkflows.Rules.Evaluation;
using RJH.DeviceWorkflows.Rules.Facts;
using RJH.DeviceWorkflows.Rules.Validation;

namespace RJH.DeviceWorkflows.Rules;

/// <inheritdoc cref="IPolicyService"/>
public sealed class PolicyService : IPolicyService
{
    private readonly IPolicyStore store;
    private readonly PolicyValidator validator;
    private readonly PolicyEvaluator evaluator;
    private readonly TimeProvider time;
    private readonly IPolicyDecisionLog log;
    // The published version per set, remembered briefly: every workflow decision would otherwise read it from
    // the database. A publish through this service forgets it at once; another host's publish within PublishedVersionCacheTime.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Version, DateTimeOffset Until)> published = new(StringComparer.Ordinal);
    private TimeSpan cacheTime = TimeSpan.FromSeconds(2);

    /// <summary>How long a set's published version number is remembered (<c>Policies:PublishedVersionCacheTime</c>); zero reads it every time.</summary>
    public TimeSpan PublishedVersionCacheTime
    {
        get => cacheTime;
        init => cacheTime = value < TimeSpan.Zero ? TimeSpan.Zero : value;
    }

    internal PolicyService(IPolicyStore store, PolicyValidator validator, PolicyEvaluator evaluator, TimeProvider time, IPolicyDecisionLog log)
    {
        this.log = log;
        this.store = store;
        this.validator = validator;
        this.evaluator = evaluator;
        this.time = time;
    }

    public Task<IReadOnlyList<PolicySetSummary>> ListAsync(CancellationToken ct = default) => store.ListSetsAsync(ct);

    public async Task<PolicySetDetails> GetAsync(string set, CancellationToken ct = default)
    {
        PolicySetDefinition.Get(set);
        var latest = await store.FindAsync(set, null, ct) ?? throw new PolicySetNotFoundException(set);
        var versions = await store.ListVersionsAsync(set, ct);
        using var table = JsonDocument.Parse(latest.WorkflowJson);
        return new PolicySetDetails(set, versions.FirstOrDefault(v => v.Published)?.Version, versions, table.RootElement.Clone());
    }

    public async Task<PolicySaveResult> SaveDraftAsync(string set, string tableJson, string actor, CancellationToken ct = default)
    {
        PolicySetDefinition.Get(set);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(tableJson);
        var result = validator.Validate(set, tableJson);
        if (!result.IsValid) return new PolicySaveResult(null, result.Errors);
        var version = await store.AddVersionAsync(set, tableJson, actor, time.GetUtcNow(), ct);
        // Every save runs the set's test cases, so the editor sees at once what the change broke.
        var policy = await evaluator.GetAsync(set, version, tableJson);
        return new PolicySaveResult(version, []) { Tests = PolicyChecks.Run(policy, await TestCasesAsync(set, ct)) };
    }

    public IReadOnlyList<PolicyRuleError> Validate(string set, string tableJson)
    {
        PolicySetDefinition.Get(set);
        ArgumentNullException.ThrowIfNull(tableJson);
        return validator.Validate(set, tableJson).Errors;
    }

    public async Task<PolicyVersionInfo> PublishAsync(string set, int version, string actor, string? note = null, CancellationToken ct = default)
    {
        PolicySetDefinition.Get(set);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        note = PolicyNote.Normalise(note);
        // Compile before publishing, so a version that cannot run (say, a row edited by hand) is refused
        // here rather than failing the first workflow that asks.
        var policy = await evaluator.GetAsync(set, version, () => LoadJsonAsync(set, version, ct));
        var failed = PolicyChecks.Run(policy, await TestCasesAsync(set, ct)).Where(r => !r.Passed).ToList();
        if (failed.Count > 0) throw new PolicyTestsFailedException(set, version, failed);
        if (!await store.PublishAsync(set, version, actor, time.GetUtcNow(), note, ct))
            throw new PolicyVersionNotFoundException(set, version);
        published.TryRemove(set, out _);
        var versions = await store.ListVersionsAsync(set, ct);
        return versions.Single(v => v.Version == version);
    }

    public async Task<PolicyDecision> EvaluateAsync(string set, JsonElement facts, int? version = null, CancellationToken ct = default)
    {
        var policy = await CompiledAsync(set, version, ct);
        return await policy.EvaluateAsync(policy.Shape.Read(facts));
    }

    public Task<PolicyDecision> EvaluateAsync(string set, DeviceFacts facts, int? version = null, CancellationToken ct = default) =>
        EvaluateTypedAsync(set, facts, version, ct);

    public Task<PolicyDecision> EvaluateAsync(string set, NotificationFacts facts, int? version = null, CancellationToken ct = default) =>
        EvaluateTypedAsync(set, facts, version, ct);

    private async Task<PolicyDecision> EvaluateTypedAsync(string set, object facts, int? version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var policy = await CompiledAsync(set, version, ct);
        return await policy.EvaluateAsync(facts);
    }

    public async Task<PolicyDecision> DecideForWorkflowAsync(string set, JsonElement facts, Guid instanceId, string elementId,
        CancellationToken ct = default)
    {
        var policy = await CompiledAsync(set, null, ct);
        var read = policy.Shape.Read(facts);
        var decision = policy.Evaluate(read);
        var logged = policy.Shape.ForLog(read) is { } node ? JsonSerializer.SerializeToElement(node) : default;
        await log.AddAsync(new NewLoggedDecision(decision, logged, instanceId, elementId, time.GetUtcNow()), ct);
        return decision;
    }

    public Task<IReadOnlyList<LoggedDecision>> DecisionsOfInstanceAsync(Guid instanceId, CancellationToken ct = default) =>
        log.ForInstanceAsync(instanceId, ct);

    public async Task<IReadOnlyList<LoggedDecision>> DecisionsOfVersionAsync(string set, int version, int count, CancellationToken ct = default)
    {
        PolicySetDefinition.Get(set);
        return await log.LatestAsync(set, version, count, ct);
    }

    public async Task<PolicyTestSuite> GetTestsAsync(string set, CancellationToken ct = default)
    {
        PolicySetDefinition.Get(set);
        var cases = await TestCasesAsync(set, ct);
        var latest = await store.FindAsync(set, null, ct);
        if (latest is null) return new PolicyTestSuite(set, null, cases, []);
        var policy = await evaluator.GetAsync(set, latest.Info.Version, latest.WorkflowJson);
        return new PolicyTestSuite(set, latest.Info.Version, cases, PolicyChecks.Run(policy, cases));
    }

    public async Task<PolicyTestsSaveResult> SaveTestsAsync(string set, string casesJson, string actor, CancellationToken ct = default)
    {
        PolicySetDefinition.Get(set);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(casesJson);
        var (cases, errors) = PolicyTestCaseReader.Read(casesJson);
        if (cases is null) return new PolicyTestsSaveResult(null, errors);
        await store.SaveTestCasesAsync(set, JsonSerializer.Serialize(cases, PolicyTestCaseReader.Writer), actor, time.GetUtcNow(), ct);
        return new PolicyTestsSaveResult(await GetTestsAsync(set, ct), []);
    }

    public async Task<PolicyImpact> ImpactAsync(string set, int? version, int count, CancellationToken ct = default)
    {
        PolicySetDefinition.Get(set);
        var draft = version ?? (await store.FindAsync(set, null, ct))?.Info.Version ?? throw new PolicySetNotFoundException(set);
        var policy = await evaluator.GetAsync(set, draft, () => LoadJsonAsync(set, draft, ct));
        return PolicyChecks.Impact(policy, await log.LatestAsync(set, null, count, ct));
    }

    private async Task<IReadOnlyList<PolicyTestCase>> TestCasesAsync(string set, CancellationToken ct)
    {
        var json = await store.FindTestCasesAsync(set, ct);
        if (json is null) return [];
        // Stored only after validation; a row edited by hand that no longer reads counts as no cases rather than a crash.
        return PolicyTestCaseReader.Read(json).Cases ?? [];
    }

    private async Task<CompiledPolicy> CompiledAsync(string set, int? version, CancellationToken ct)
    {
        PolicySetDefinition.Get(set);
        var number = version ?? await PublishedVersionAsync(set, ct);
        return await evaluator.GetAsync(set, number, () => LoadJsonAsync(set, number, ct));
    }

    private async Task<int> PublishedVersionAsync(string set, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (published.TryGetValue(set, out var known) && known.Until > now) return known.Version;
        var number = await store.FindPublishedVersionAsync(set, ct) ?? throw new PolicyVersionNotFoundException(set, null);
        if (cacheTime > TimeSpan.Zero) published[set] = (number, now + cacheTime);
        return number;
    }

    private async Task<string> LoadJsonAsync(string set, int version, CancellationToken ct) =>
        (await store.FindAsync(set, version, ct))?.WorkflowJson ?? throw new PolicyVersionNotFoundException(set, version);
}

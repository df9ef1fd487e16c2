using Microsoft.Extensions.Logging;
using RJH.DeviceWorkflows.Rules.Evaluation;
using RJH.DeviceWorkflows.Rules.Validation;

namespace RJH.DeviceWorkflows.Rules;

/// <summary>
/// On first start, stores each shipped <c>{set}.json</c> whose set has no version yet as version 1,
/// published. Sets already in the database are left alone: after the first start the database, not
/// the folder, is where policy is edited.
/// </summary>
internal sealed class PolicySeeder(IPolicyStore store, PolicyValidator validator, TimeProvider time, ILogger<PolicySeeder> logger)
{
    public const string Actor = "system:seed";

    /// <returns>The sets stored by this call.</returns>
    /// <exception cref="InvalidOperationException">A file names an unknown set or does not validate: the shipped rules are broken.</exception>
    public async Task<IReadOnlyList<string>> SeedAsync(string folder, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"The policy seed folder '{folder}' does not exist.");
        var seeded = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var set = Path.GetFileNameWithoutExtension(file);
            if (PolicySetDefinition.Find(set) is null)
                throw new InvalidOperationException($"Policy seed file '{file}' names no known set (known: {string.Join(", ", PolicySets.All)}).");
            if ((await store.ListVersionsAsync(set, ct)).Count > 0)
                continue;
            var json = await File.ReadAllTextAsync(file, ct);
            var result = validator.Validate(set, json);
            if (!result.IsValid)
                throw new InvalidOperationException($"Policy seed file '{file}' is invalid: " +
                    string.Join("; ", result.Errors.Select(e => $"{e.Rule}: {e.Message}")));
            if (await store.SeedAsync(set, json, Actor, time.GetUtcNow(), ct))
            {
                logger.LogInformation("Seeded policy rule set {Set} version 1 from {File}", set, file);
                seeded.Add(set);
            }
        }
        return seeded;
    }
}

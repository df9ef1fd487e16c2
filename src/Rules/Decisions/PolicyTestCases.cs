using System.Text.Json;
using System.Text.Json.Serialization;

namespace RJH.DeviceWorkflows.Rules.Decisions;

/// <summary>
/// A set's test case: facts and what the set must decide on them. Stored with the set; all run on every save
/// of the table or the cases, and a version is published only while all pass.
/// </summary>
public sealed record PolicyTestCase
{
    public required string Name { get; init; }
    public required JsonElement Facts { get; init; }
    public required PolicyExpectation Expected { get; init; }
}

/// <summary>The outcome, and the outputs named here with their values (outputs not named are not checked).</summary>
public sealed record PolicyExpectation
{
    public required string Outcome { get; init; }
    public IReadOnlyDictionary<string, JsonElement> Outputs { get; init; } = new Dictionary<string, JsonElement>();
}

/// <summary>One case run on one version: passed, or what came instead (<see cref="Message"/>).</summary>
public sealed record PolicyTestResult(string Name, bool Passed, string? Outcome, string? Rule, string? Message);

/// <summary>The cases of a set and how they fare on <see cref="Version"/> (the latest).</summary>
public sealed record PolicyTestSuite(string Set, int? Version, IReadOnlyList<PolicyTestCase> Cases, IReadOnlyList<PolicyTestResult> Results)
{
    public bool AllPassed => Results.All(r => r.Passed);
}

internal static class PolicyTestCaseReader
{
    public const int MaxJsonLength = 256 * 1024;
    public const int MaxCases = 500;

    private static readonly JsonSerializerOptions Options = Tables.TableReader.Strict(maxDepth: 32);

    public static readonly JsonSerializerOptions Writer = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <returns>The cases, or the errors (rule = the case's name or "(tests)").</returns>
    public static (IReadOnlyList<PolicyTestCase>? Cases, IReadOnlyList<PolicyRuleError> Errors) Read(string json)
    {
        const string Whole = "(tests)";
        if (json.Length > MaxJsonLength) return (null, [new(Whole, $"The test cases are larger than {MaxJsonLength / 1024} KiB.")]);
        List<PolicyTestCase>? cases;
        try
        {
            cases = JsonSerializer.Deserialize<List<PolicyTestCase>>(json, Options);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            return (null, [new(Whole, $"The test cases are not a list of {{name, facts, expected: {{outcome, outputs}}}} at {e.Path ?? "$"}: {(cut > 0 ? message[..cut] : message)}")]);
        }
        if (cases is null) return (null, [new(Whole, "The test cases must be a JSON array.")]);
        var errors = new List<PolicyRuleError>();
        if (cases.Count > MaxCases) errors.Add(new(Whole, $"At most {MaxCases} test cases."));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var testCase in cases)
        {
            var name = testCase.Name.Length > 100 ? testCase.Name[..100] + "…" : testCase.Name;
            if (testCase.Name.Trim().Length == 0 || testCase.Name.Length > 200)
                errors.Add(new(Whole, "name", "A test case needs a name of 1–200 characters."));
            else if (!names.Add(testCase.Name))
                errors.Add(new(name, "name", "Another test case has the same name."));
            if (testCase.Facts.ValueKind != JsonValueKind.Object)
                errors.Add(new(name, "facts", "The facts must be a JSON object."));
            if (testCase.Expected.Outcome.Trim().Length == 0)
                errors.Add(new(name, "expected.outcome", "The expected outcome is required."));
        }
        return errors.Count == 0 ? (cases, []) : (null, errors);
    }
}

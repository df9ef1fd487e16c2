using RJH.DeviceWorkflows.Engine.Model.Reading;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

/// <summary>The lifecycle models shipped in workflows/ read without a single diagnostic.</summary>
public sealed class ShippedModelTests
{
    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(WorkflowsFolder(), "*.bpmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(WorkflowsFolder(), file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Reads_without_diagnostics(string file)
    {
        var result = BpmnReader.Read(File.ReadAllText(Path.Combine(WorkflowsFolder(), file)));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Select(d => $"{d.ElementId} (line {d.Line}): {d.Message}")));
    }

    [Fact]
    public void Every_lifecycle_process_is_shipped_with_its_fixed_key()
    {
        var keys = Directory.EnumerateFiles(WorkflowsFolder(), "*.bpmn")
            .Select(f => BpmnReader.Read(File.ReadAllText(f)).Model?.Key).ToHashSet();
        Assert.Superset(new HashSet<string?> { "ordering", "onboarding", "risk-assessment", "swap", "offboarding", "remote-work-agreement" }, keys);
        Assert.Equal("ordering", BpmnReader.Read(File.ReadAllText(Path.Combine(WorkflowsFolder(), "variants", "ordering-alt3.bpmn"))).Model?.Key);
    }

    private static string WorkflowsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (File.Exists(Path.Combine(dir.FullName, "RJH.DeviceWorkflows.sln")) && Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("workflows/ not found above the test's folder.");
    }
}

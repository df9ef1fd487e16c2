using RJH.DeviceWorkflows.Engine.Model.Reading;

namespace RJH.DeviceWorkflows.Engine.Tests.Reading;

/// <summary>
/// How the reader copes with BPMN it did not write (MIWG reference models). Every file and every
/// pool is either accepted or refused with diagnostics that name the elements by id and line.
/// </summary>
public class MiwgConformanceTests
{
    public static TheoryData<string, string?> Cases()
    {
        var data = new TheoryData<string, string?>();
        foreach (var (file, process) in MiwgCorpus.Cases()) data.Add(file, process);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_yields_a_model_or_diagnostics_that_name_elements_on_real_lines(string file, string? process)
    {
        var result = BpmnReader.Read(MiwgCorpus.Load(file, process));

        Assert.True(result.Model is not null ^ result.Diagnostics.Count > 0);
        Assert.All(result.Diagnostics, d =>
        {
            Assert.NotNull(d.ElementId);
            Assert.True(d.Line > 0, d.ToString());
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Documentation_only_elements_are_never_refused(string file, string? process)
    {
        var xml = MiwgCorpus.Load(file, process);
        var documentation = MiwgCorpus.DocumentationOnlyIds(xml);

        var result = BpmnReader.Read(xml);

        Assert.DoesNotContain(result.Diagnostics, d => d.ElementId is not null && documentation.Contains(d.ElementId));
    }

    [Theory]
    [MemberData(nameof(MiwgExpectations.Refused), MemberType = typeof(MiwgExpectations))]
    public void Refuses_exactly_the_expected_elements(string file, string? process, string[] refusedIds)
    {
        var result = BpmnReader.Read(MiwgCorpus.Load(file, process));

        Assert.Null(result.Model);
        Assert.Equal(refusedIds.Order(StringComparer.Ordinal), result.Diagnostics.Select(d => d.ElementId!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_case_of_the_corpus_has_an_expectation()
    {
        var expected = MiwgExpectations.Refused.Select(row => ((string)row[0], (string?)row[1])).ToHashSet();

        Assert.Equal(MiwgCorpus.Cases().ToHashSet(), expected);
    }

    [Fact]
    public void A_1_0_is_refused_for_its_three_abstract_tasks_only()
    {
        var xml = MiwgCorpus.Load("A.1.0.bpmn");

        var diagnostics = BpmnReader.Read(xml).Diagnostics;

        Assert.Equal(3, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("Element type 'bpmn:task' is not supported by the engine", d.Message));
        Assert.Equal(Bpmn.LineOf(xml, "name=\"Task 1\""), diagnostics[0].Line);
    }

    [Fact]
    public void Several_pools_without_an_executable_one_are_refused_on_the_definitions_element()
    {
        var diagnostic = Assert.Single(BpmnReader.Read(MiwgCorpus.Load("A.4.0.bpmn")).Diagnostics);

        Assert.Equal(("_1373649948794", 2), (diagnostic.ElementId, diagnostic.Line));
        Assert.Contains("WFP-6-1, WFP-6-2", diagnostic.Message);
    }

    /// <summary>Once the abstract tasks are given a kind, these pools (lanes, sub-processes, message flows and all) run.</summary>
    [Theory]
    [InlineData("A.1.0.bpmn", null, 5)]
    [InlineData("A.4.0.bpmn", "WFP-6-1", 4)]
    [InlineData("A.4.0.bpmn", "WFP-6-2", 13)]
    [InlineData("A.4.1.bpmn", "sid-34746A54-1D7D-46CA-B219-0C4CEAE51170", 4)]
    [InlineData("A.4.1.bpmn", "sid-54D696FD-DEDC-45F3-99DB-1404DA433FC4", 13)]
    [InlineData("B.1.0.bpmn", "Process_ba16239e-181e-4b9f-bc5b-0bb2ee973450", 3)]
    [InlineData("B.1.0.bpmn", "WFP-0-", 3)]
    public void With_typed_tasks_the_pool_is_accepted(string file, string? process, int nodes)
    {
        var result = BpmnReader.Read(MiwgCorpus.WithUserTasks(MiwgCorpus.Load(file, process)));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(nodes, result.Model!.Nodes.Count);
    }
}

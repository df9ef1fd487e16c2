using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Host.Features.Forms;
using RJH.DeviceWorkflows.Host.Tests.Support;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Forms;

/// <summary>The forms editor's server side: what a save may store, and which version a task gets.</summary>
public sealed class FormVersionsTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "rjh-form-versions", Guid.NewGuid().ToString("N"))).FullName;
    private readonly ControllableTimeProvider clock = new(startAt: Testing.TestClock.Start);

    [Fact]
    public void Every_shipped_form_passes_the_editors_check()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "workflows", "forms"), "*.form"))
            Assert.True(FormSchemaCheck.Check(File.ReadAllText(file)) is { Count: 0 } problems,
                $"{Path.GetFileName(file)}: {string.Join("; ", FormSchemaCheck.Check(File.ReadAllText(file)).Select(p => p.Message))}");
    }

    [Theory]
    [InlineData("""{"id":"c1","type":"taglist","key":"tags"}""", "Komponenttypen 'taglist' stöds inte")]
    [InlineData("""{"id":"c1","type":"textfield","key":"approved"}""", "Nyckeln 'approved' finns redan")]
    [InlineData("""{"id":"c1","type":"textfield","key":"2nd"}""", "behöver en nyckel")]
    [InlineData("""{"id":"c1","type":"textfield"}""", "behöver en nyckel")]
    [InlineData("""{"id":"c1","type":"radio","key":"pick","values":[]}""", "har inga alternativ")]
    [InlineData("""{"id":"c1","type":"textfield","key":"note","conditional":{"hide":"=approved > 3"}}""", "Villkoret för att dölja")]
    [InlineData("""{"id":"c1","type":"textfield","key":"note","properties":{"rjh:requiredWhen":"approved = maybe"}}""", "Villkoret för obligatoriskt")]
    [InlineData("""{"id":"c1","type":"textfield","key":"note","validate":{"pattern":"[a-"}}""", "inte ett giltigt reguljärt uttryck")]
    public void A_component_the_task_pages_cannot_handle_is_refused_with_its_id(string component, string message)
    {
        var problems = FormSchemaCheck.Check(WithComponent(component));

        var problem = Assert.Single(problems);
        Assert.Equal("c1", problem.Component);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_key_in_two_groups_of_different_paths_is_two_fields()
    {
        var json = """
            {"components":[
              {"type":"group","path":"a","components":[{"type":"textfield","key":"x"}]},
              {"type":"group","path":"b","components":[{"type":"textfield","key":"x"}]}]}
            """;

        Assert.Empty(FormSchemaCheck.Check(json));
    }

    [Fact]
    public void Not_json_is_refused_plainly() =>
        Assert.Contains("inte giltig JSON", Assert.Single(FormSchemaCheck.Check("{ nope")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_task_gets_the_version_in_force_when_it_was_created_and_saved_versions_never_change()
    {
        var versions = Versions();
        var catalog = new FormCatalog(versions);
        var before = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(5));

        var saved = versions.Save("approve-order", WithComponent("""{"type":"textfield","key":"costCenter","validate":{"required":true}}"""), "process.owner", "  kostnadsställe  ");
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(2, saved.Version);
        Assert.Equal("kostnadsställe", saved.Note);
        Assert.True(saved.Draft);
        Assert.Equal([1, 2], versions.List("approve-order").Select(v => v.Version));
        // A draft reaches no task: new tasks still get version 1 until it is published.
        Assert.Equal(1, versions.Live("approve-order")!.Version);
        Assert.DoesNotContain(catalog.FindFor("approve-order", clock.GetUtcNow())!.Fields, f => f.Path == "costCenter");
        var beforePublish = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(5));

        var published = versions.Publish("approve-order", 2, "process.owner")!;
        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(published.Draft);
        Assert.InRange(published.PublishedAt!.Value, beforePublish.AddMinutes(5), beforePublish.AddMinutes(6)); // the test clock also runs on its own
        Assert.DoesNotContain(catalog.FindFor("approve-order", beforePublish)!.Fields, f => f.Path == "costCenter");
        Assert.DoesNotContain(catalog.FindFor("approve-order", before)!.Fields, f => f.Path == "costCenter");
        Assert.Contains(catalog.FindFor("approve-order", clock.GetUtcNow())!.Fields, f => f.Path == "costCenter");
        Assert.Contains(catalog.Find("approve-order")!.Fields, f => f.Path == "costCenter");
        Assert.DoesNotContain(catalog.Find("approve-order", 1)!.Fields, f => f.Path == "costCenter");
    }

    [Fact]
    public void Publishing_an_earlier_version_again_takes_it_back_into_use_and_an_unknown_version_publishes_nothing()
    {
        var versions = Versions();
        versions.Save("approve-order", WithComponent("""{"type":"textfield","key":"costCenter"}"""), "process.owner", null);
        versions.Publish("approve-order", 2, "process.owner");
        var whileTwo = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMinutes(1));

        var shipped = versions.Publish("approve-order", 1, "process.owner")!;
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.True(shipped.Shipped);
        Assert.Equal([1, 2], versions.List("approve-order").Select(v => v.Version));
        Assert.Equal(1, versions.Live("approve-order")!.Version);
        Assert.Equal(2, versions.InForceAt("approve-order", whileTwo)!.Version);
        Assert.Null(versions.Publish("approve-order", 7, "process.owner"));
        Assert.Null(versions.Publish("../escape", 1, "process.owner"));
    }

    [Fact]
    public void A_form_made_in_the_editor_starts_at_version_one_and_is_listed()
    {
        var versions = Versions();

        var saved = versions.Save("loan-check", """{"components":[]}""", "process.owner", null);

        Assert.Equal(1, saved.Version);
        Assert.Contains("loan-check", versions.Keys);
        Assert.False(versions.List("loan-check")[0].Shipped);
        Assert.Throws<ArgumentException>(() => versions.Save("../escape", "{}", "process.owner", null));
        Assert.Empty(versions.List("../escape"));
    }

    private FormVersions Versions() => new(
        Options.Create(new FormOptions { Folder = Path.Combine(Repository.Root, "workflows", "forms"), VersionsFolder = folder }),
        new HostingEnvironment { ContentRootPath = folder },
        clock);

    /// <summary>approve-order's form with one more component.</summary>
    private static string WithComponent(string component)
    {
        var form = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "workflows", "forms", "approve-order.form")))!;
        form["components"]!.AsArray().Add(JsonNode.Parse(component));
        return form.ToJsonString();
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
    }
}

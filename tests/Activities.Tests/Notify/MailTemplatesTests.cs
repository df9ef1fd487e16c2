using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Notify;

namespace RJH.DeviceWorkflows.Activities.Tests.Notify;

public sealed partial class MailTemplatesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("rjh-templates-").FullName;

    private static MailTemplates Shipped() => new(Options.Create(new MailOptions()), TimeProvider.System);

    private MailTemplates Own(string name, string text)
    {
        File.WriteAllText(Path.Combine(folder, name + ".sv.liquid"), text);
        return new MailTemplates(Options.Create(new MailOptions { TemplateFolder = folder }), TimeProvider.System);
    }

    private static IEnumerable<string> ShippedTemplateNames() =>
        Directory.GetFiles(RJH.DeviceWorkflows.Data.ContentFolders.Resolve("workflows/templates"), "*.sv.liquid")
            .Select(path => Path.GetFileName(path)[..^".sv.liquid".Length]);

    public static TheoryData<string> ShippedNames() => [.. ShippedTemplateNames()];

    [Fact]
    public async Task A_shipped_template_renders_subject_and_body_with_swedish_letters_and_model_members()
    {
        var model = JsonNode.Parse("""
            {"recipient":{"name":"Åsa Öberg"},"deviceType":"Tablet","order":{"id":"ORD-7"},"approvedBy":"Märta Chef"}
            """)!.AsObject();

        var mail = await Shipped().RenderAsync("order-approved", model);

        Assert.Equal("Din beställning av surfplatta är godkänd", mail.Subject);
        Assert.StartsWith("Hej Åsa Öberg,\n", mail.Body);
        Assert.Contains("Din beställning ORD-7 av surfplatta har godkänts av Märta Chef.", mail.Body);
        Assert.DoesNotContain("\n\n\n", mail.Body);
    }

    [Fact]
    public async Task The_denial_lists_the_policy_reasons_from_the_ordering_model()
    {
        // As ordering.bpmn passes it: ({ deviceType: vars.deviceType, reasons: vars.entitlement.reasons }).
        var model = JsonNode.Parse("""
            {"deviceType":"Phone","reasons":[{"rule":"HasPhone","message":"Du har redan en tjänstetelefon.","english":"You already have a phone."}]}
            """)!.AsObject();

        var mail = await Shipped().RenderAsync("order-denied", model);

        Assert.Equal("Din beställning av mobiltelefon har inte beviljats", mail.Subject);
        Assert.Contains("Skäl:\n- Du har redan en tjänstetelefon.\n", mail.Body);
        Assert.DoesNotContain("You already", mail.Body);
    }

    [Fact]
    public async Task Arrays_render_as_lists_and_dates_as_dates()
    {
        var model = JsonNode.Parse("""{"devices":[{"model":"iPhone 15","serial":"S1"},{"model":"Galaxy A55"}],"deadline":"2026-12-01T00:00:00Z"}""")!.AsObject();

        var mail = await Shipped().RenderAsync("return-devices-reminder", model);

        Assert.Contains("du kvar:\n- iPhone 15 (serienummer S1)\n- Galaxy A55\n", mail.Body);
        Assert.Contains("senast 2026-12-01", mail.Body);
    }

    [Theory]
    [MemberData(nameof(ShippedNames))]
    public async Task Every_shipped_template_renders_with_an_empty_model(string name)
    {
        var mail = await Shipped().RenderAsync(name, []);

        Assert.False(string.IsNullOrWhiteSpace(mail.Body));
        Assert.Contains("Servicecenter Mobila enheter", mail.Body);
    }

    [Fact]
    public void Every_template_a_shipped_workflow_names_exists()
    {
        var workflows = RJH.DeviceWorkflows.Data.ContentFolders.Resolve("workflows");
        var named = Directory.GetFiles(workflows, "*.bpmn", SearchOption.AllDirectories)
            .SelectMany(path => TemplateInput().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.NotEmpty(named);
        Assert.Empty(named.Except(ShippedTemplateNames()));
    }

    [GeneratedRegex(@"name=""template"" expression=""(?:'|&#39;)([a-z0-9-]+)(?:'|&#39;)""")]
    private static partial Regex TemplateInput();

    [Fact]
    public async Task A_missing_template_is_a_clear_error_naming_it()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Shipped().RenderAsync("no-such-template", null));
        Assert.Contains("'no-such-template' does not exist", e.Message);
    }

    [Theory]
    [InlineData("Subject: Hej {{ name \n\nText", "has a Liquid error in its subject")]
    [InlineData("Subject: Hej\n\nText {% if x %} utan slut", "has a Liquid error in its body")]
    [InlineData("Subject: X\n\n{{ name | uppcase }}", "could not be rendered")] // an unknown filter is no silent pass-through
    [InlineData("Hej\n\nText", "must start with a line 'Subject: …'")]
    [InlineData("Subject: Hej\nText", "must start with a line 'Subject: …'")]
    public async Task A_faulty_template_is_a_clear_error_naming_it(string text, string expected)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Own("trasig", text).RenderAsync("trasig", []));
        Assert.Contains($"Mail template 'trasig' {expected}", e.Message);
    }

    [Theory]
    [InlineData("../secrets")]
    [InlineData("Order-Approved")]
    [InlineData("/etc/passwd")]
    public async Task A_name_that_is_not_a_plain_template_name_is_refused(string name)
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Shipped().RenderAsync(name, null));
        Assert.Contains("is no mail template name", e.Message);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using RJH.DeviceWorkflows.Host.Features.Forms;
using RJH.DeviceWorkflows.Host.Ui.Forms;

namespace RJH.DeviceWorkflows.Host.Tests.Features.Forms;

/// <summary>
/// <c>conditional.hide</c>: the renderer leaves a hidden field out, and the server's check neither requires it nor keeps
/// a value posted for it; once shown it is required again.
/// </summary>
public sealed class ConditionalHideTests
{
    private static readonly FormSchema Form = FormSchema.Parse("hide", JsonNode.Parse("""
        { "components": [
            { "type": "radio", "key": "action", "label": "Åtgärd", "validate": { "required": true },
              "values": [ { "label": "Avsluta", "value": "Terminate" }, { "label": "Flytta", "value": "Transfer" } ] },
            { "type": "textfield", "key": "transferTo", "label": "Flytta till", "validate": { "required": true },
              "conditional": { "hide": "=action != \"Transfer\"" } } ] }
        """)!);

    [Fact]
    public void A_hidden_field_is_not_required_and_its_posted_value_is_not_kept()
    {
        var hidden = FormValidator.Validate(Form, new JsonObject { ["action"] = "Terminate" }, []);
        Assert.True(hidden.IsValid, string.Join("; ", hidden.Errors.SelectMany(e => e.Value)));

        var posted = FormValidator.Validate(Form, new JsonObject { ["action"] = "Terminate", ["transferTo"] = "erik.anstalld" }, []);
        Assert.True(posted.IsValid);
        Assert.False(posted.Values.ContainsKey("transferTo"));
    }

    [Fact]
    public void A_shown_field_is_required()
    {
        var shown = FormValidator.Validate(Form, new JsonObject { ["action"] = "Transfer" }, []);

        Assert.Equal(["Fältet är obligatoriskt."], shown.Errors["transferTo"]);
    }

    [Fact]
    public async Task The_renderer_leaves_out_a_hidden_field_and_shows_it_when_its_condition_no_longer_holds()
    {
        var state = new FormState(Form, []);
        state.SetText("action", FormState.Key(JsonValue.Create("Terminate")));
        Assert.DoesNotContain("Flytta till", await RenderAsync(state));

        state.SetText("action", FormState.Key(JsonValue.Create("Transfer")));
        Assert.Contains("Flytta till", await RenderAsync(state));
    }

    private static async Task<string> RenderAsync(FormState state)
    {
        var services = new ServiceCollection().AddLogging().AddMudServices()
            .AddSingleton<Microsoft.JSInterop.IJSRuntime, NoJavaScript>().BuildServiceProvider();
        await using var _ = services;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<FormRenderer>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(FormRenderer.State)] = state,
            }));
            return output.ToHtmlString();
        });
    }

    /// <summary>A static render runs no script; MudBlazor's services only need one to exist.</summary>
    private sealed class NoJavaScript : Microsoft.JSInterop.IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(default(TValue)!);
    }
}

using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Host.Features.Activities;

/// <summary>
/// An activity descriptor in Camunda's element-template JSON. The activity type binds to the attribute
/// <c>rjh:activity</c> (a <c>property</c> binding); inputs and outputs use the binding types
/// <c>rjh:input</c> (<c>name</c>) and <c>rjh:output</c> (<c>source</c> = <c>result.&lt;name&gt;</c>), which
/// write <c>&lt;rjh:input name expression/&gt;</c> / <c>&lt;rjh:output name expression/&gt;</c> children. Camunda's
/// own modeler does not know those two binding types; our designer's properties provider does
/// (docs/designer.md: Camunda bindings cannot write rjh children). Every value is an expression, so a
/// choice's value is a quoted JavaScript string.
/// </summary>
internal static class ElementTemplate
{
    public const string Schema = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";

    public static JsonObject From(ActivityDescriptor d, bool english)
    {
        var properties = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "Hidden",
                ["value"] = d.Type,
                ["binding"] = new JsonObject { ["type"] = "property", ["name"] = "rjh:activity" },
            },
        };
        foreach (var input in d.Inputs) properties.Add(Input(input, english));
        foreach (var output in d.Outputs) properties.Add(Output(output, english));

        return new JsonObject
        {
            ["$schema"] = Schema,
            ["id"] = "rjh." + d.Type,
            ["name"] = english ? d.DisplayNameEn : d.DisplayNameSv,
            ["description"] = english ? d.DescriptionEn : d.DescriptionSv,
            ["version"] = 1,
            ["appliesTo"] = new JsonArray("bpmn:ServiceTask", "bpmn:SendTask", "bpmn:BusinessRuleTask"),
            ["category"] = new JsonObject { ["id"] = d.Category, ["name"] = d.Category },
            ["properties"] = properties,
            ["rjh"] = new JsonObject { ["activity"] = d.Type, ["execution"] = d.Execution.ToString() },
        };
    }

    private static JsonObject Input(ActivityInputDescriptor input, bool english)
    {
        var property = new JsonObject
        {
            ["id"] = "input." + input.Name,
            ["label"] = input.Name,
            ["description"] = english ? input.DescriptionEn : input.DescriptionSv,
            ["group"] = "inputs",
            ["binding"] = new JsonObject { ["type"] = "rjh:input", ["name"] = input.Name },
            ["rjh"] = new JsonObject { ["valueType"] = input.Type.ToString() },
        };
        if (input.Choices.Count > 0)
        {
            property["type"] = "Dropdown";
            property["choices"] = new JsonArray([.. input.Choices.Select(c => (JsonNode)new JsonObject { ["name"] = c, ["value"] = $"'{c}'" })]);
        }
        else
        {
            property["type"] = input.Type is ActivityValueType.Object or ActivityValueType.Array ? "Text" : "String";
        }
        if (input.Required) property["constraints"] = new JsonObject { ["notEmpty"] = true };
        return property;
    }

    private static JsonObject Output(ActivityOutputDescriptor output, bool english) => new()
    {
        ["id"] = "output." + output.Name,
        ["label"] = output.Name,
        ["description"] = english ? output.DescriptionEn : output.DescriptionSv,
        ["group"] = "outputs",
        ["type"] = "String",
        ["binding"] = new JsonObject { ["type"] = "rjh:output", ["source"] = "result." + output.Name },
        ["rjh"] = new JsonObject { ["valueType"] = output.Type.ToString() },
    };
}

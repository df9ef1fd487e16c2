using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace RJH.DeviceWorkflows.Host.Infrastructure.OpenApi;

/// <summary>Example requests for the operations people try first, and the XML bodies the handlers read themselves.</summary>
internal static class ApiExamples
{
    public sealed record Example(string ContentType, JsonNode Value);

    private static readonly Dictionary<string, Example> Examples = new(StringComparer.OrdinalIgnoreCase)
    {
        [ApiReference.Key("POST", "/api/auth/demo-token")] = Json("""{"user":"anna.chef"}"""),
        [ApiReference.Key("POST", "/api/instances")] = Json(
            """{"definitionKey":"ordering","businessKey":"order-erik-1","variables":{"employeeId":"erik.anstalld","deviceType":"Phone","reason":"New"}}"""),
        [ApiReference.Key("POST", "/api/tasks/{id}/complete")] = Json("""{"variables":{"approved":true,"comment":"OK"}}"""),
        [ApiReference.Key("POST", "/api/messages")] = Json(
            """{"name":"device-delivered","correlationKey":"order-erik-1","variables":{}}"""),
        [ApiReference.Key("POST", "/api/admin/clock")] = Json("""{"advance":"PT1H"}"""),
        [ApiReference.Key("POST", "/api/policies/{set}/evaluate")] = Json(
            """{"employee":{"role":"Nurse","unitId":"u-akuten"},"request":{"deviceType":"Phone"}}"""),
        [ApiReference.Key("POST", "/api/devices/{id}/assign")] = Json("""{"employeeId":"erik.anstalld"}"""),
        [ApiReference.Key("POST", "/api/definitions")] = new("application/xml", JsonValue.Create(
            """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="rjh">…</definitions>""")),
    };

    public static Example? For(string? method, string route) =>
        Examples.GetValueOrDefault(ApiReference.Key(method ?? "GET", route));

    public static void Apply(OpenApiOperation operation, Example example)
    {
        var body = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody { Required = true };
        body.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!body.Content.ContainsKey(example.ContentType))
            body.Content[example.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        body.Content[example.ContentType].Example = example.Value;
        operation.RequestBody = body;
    }

    private static Example Json(string json) => new("application/json", JsonNode.Parse(json)!);
}

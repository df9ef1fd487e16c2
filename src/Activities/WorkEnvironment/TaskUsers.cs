using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

internal static class TaskUsers
{
    /// <summary>
    /// The user who did a sign-off or signing task (the item's <c>userName</c>), with the role their part needs; the
    /// service checks the rest (who manages whom) against the register, so nobody signs for someone else.
    /// </summary>
    public static RegisterUser Signer(JsonObject item, string role, ActivityContext context) =>
        new(item.Text("userName") ?? throw new InvalidOperationException($"Step '{context.ElementId}': every item of the list needs 'userName'."),
            new HashSet<string>(StringComparer.Ordinal) { role });
}

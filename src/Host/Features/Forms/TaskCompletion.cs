using System.Text.Json.Nodes;
using RJH.DeviceWorkflows.Engine.Runtime;

namespace RJH.DeviceWorkflows.Host.Features.Forms;

/// <summary>A completion refused by the task's form; <see cref="Errors"/> by field path.</summary>
public sealed class FormValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The form's values are not valid: " + string.Join(", ", errors.Keys))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>
/// Completing a task, from the task page and from the API alike: who may work the task is the engine's question and is
/// asked first (someone else's task says nothing about its form); then the values are checked against the task's form
/// and only what the form declares reaches the process. A task whose form key has no form file (models deployed
/// without one) takes its variables as they come, as before forms were data.
/// </summary>
public sealed class TaskCompletion(IWorkflowQueries queries, IWorkflowEngine engine, FormCatalog forms)
{
    public async Task<TaskView> CompleteAsync(Guid taskId, JsonObject? variables, Caller caller, CancellationToken ct = default)
    {
        var task = await queries.GetTaskAsync(taskId, caller, ct);
        if (task is not null && task.FormKey is { } key && forms.FindFor(key, task.CreatedAt) is { } form)
        {
            if (task.Status == "Open" && !MayWork(task, caller))
                throw new ForbiddenException($"Task {taskId} is not yours to complete.");
            var result = FormValidator.Validate(form, variables, task.Variables);
            if (!result.IsValid) throw new FormValidationException(result.Errors);
            variables = result.Values;
        }
        return await engine.CompleteTaskAsync(taskId, variables, caller, ct);
    }

    private static bool MayWork(TaskView task, Caller caller) =>
        task.Assignee is not null ? task.Assignee == caller.UserName
            : task.CandidateRoles.Count > 0 ? caller.HasAnyRole(task.CandidateRoles) : caller.IsAdmin;
}

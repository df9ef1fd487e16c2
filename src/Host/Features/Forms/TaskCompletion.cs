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
/// and only what the form declares reaches the process. A task without a form (no form key, or a key with no form file)
/// takes no values at all: otherwise a completion could overwrite what the workflow derived from the register (who the
/// employee and the manager are, device and order ids) — the form is the only list of what a person may set.
/// </summary>
public sealed class TaskCompletion(IWorkflowQueries queries, IWorkflowEngine engine, FormCatalog forms)
{
    public async Task<TaskView> CompleteAsync(Guid taskId, JsonObject? variables, Caller caller, CancellationToken ct = default)
    {
        var task = await queries.GetTaskAsync(taskId, caller, ct);
        if (task is not null)
        {
            var form = task.FormKey is { } key ? forms.FindFor(key, task.CreatedAt) : null;
            // Without a form and without values there is nothing to check here: the engine alone says who may complete.
            if (form is null && variables is not { Count: > 0 }) return await engine.CompleteTaskAsync(taskId, variables, caller, ct);
            if (task.Status == "Open" && !MayWork(task, caller))
                throw new ForbiddenException($"Task {taskId} is not yours to complete.");
            var result = form is null ? FormValidator.NoForm(variables!) : FormValidator.Validate(form, variables, task.Variables);
            if (!result.IsValid) throw new FormValidationException(result.Errors);
            variables = result.Values;
        }
        return await engine.CompleteTaskAsync(taskId, variables, caller, ct);
    }

    private static bool MayWork(TaskView task, Caller caller) =>
        task.Assignee is not null ? task.Assignee == caller.UserName
            : task.CandidateRoles.Count > 0 ? caller.HasAnyRole(task.CandidateRoles) : caller.IsAdmin;
}

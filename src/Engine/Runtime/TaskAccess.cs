using RJH.DeviceWorkflows.Engine.Storage;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>Who may work a task: its assignee; or, while unassigned, a holder of one of its candidate roles.</summary>
internal static class TaskAccess
{
    public static IReadOnlyList<string> Roles(UserTaskRecord task) =>
        task.CandidateRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool MayWork(UserTaskRecord task, Caller caller) =>
        task.Assignee is not null
            ? task.Assignee == caller.UserName
            // A task nobody is named for and no role may take falls to an admin.
            : Roles(task) is { Count: > 0 } roles ? caller.HasAnyRole(roles) : caller.IsAdmin;
}

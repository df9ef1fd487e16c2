using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Devices;

/// <summary>Opens and closes assignment rows; an item has at most one open assignment, so opening closes the old one.</summary>
internal static class Assignments
{
    public static async Task OpenAsync(RegisterChange change, AssignmentKind kind, Guid itemId, string employeeId, bool loan,
        CancellationToken ct)
    {
        await CloseAsync(change, kind, itemId, ct);
        change.Db.Assignments.Add(new AssignmentRecord
        {
            Kind = kind, ItemId = itemId, EmployeeId = employeeId, From = change.Now, Loan = loan,
        });
    }

    public static async Task CloseAsync(RegisterChange change, AssignmentKind kind, Guid itemId, CancellationToken ct)
    {
        var open = await change.Db.Assignments.Where(a => a.Kind == kind && a.ItemId == itemId && a.To == null).ToListAsync(ct);
        foreach (var assignment in open) assignment.To = change.Now;
    }

    public static async Task<IReadOnlyList<AssignmentView>> HistoryAsync(RegisterDbContext db, AssignmentKind kind, Guid itemId,
        CancellationToken ct) =>
        (await db.Assignments.AsNoTracking().Where(a => a.Kind == kind && a.ItemId == itemId).ToListAsync(ct))
            .OrderByDescending(a => a.From).ThenByDescending(a => a.Id).Select(AssignmentView.Of).ToList();
}

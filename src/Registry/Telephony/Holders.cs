using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Access;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Telephony;

/// <summary>Links subscriptions and extensions to a person and/or a device, keeping the person's assignment history.</summary>
internal static class Holders
{
    public static async Task ValidateAsync(RegisterDbContext db, Holder holder, CancellationToken ct)
    {
        if (holder.EmployeeId is not null) await People.RequireAsync(db, holder.EmployeeId, "employeeId", ct);
        if (holder.DeviceId is { } deviceId && !await db.Devices.AnyAsync(d => d.Id == deviceId, ct))
            throw new RegisterValidationException("deviceId", $"Mobilenheten {deviceId} finns inte.");
    }

    /// <summary>Records the change of person in the assignment history (the device link needs none: the device has its own).</summary>
    public static async Task MoveAsync(RegisterChange change, AssignmentKind kind, Guid itemId, string? from, string? to,
        CancellationToken ct)
    {
        if (from == to) return;
        if (to is null) await Assignments.CloseAsync(change, kind, itemId, ct);
        else await Assignments.OpenAsync(change, kind, itemId, to, loan: false, ct);
    }

    /// <summary>Items the scope may see: those linked to a person in it.</summary>
    public static IQueryable<T> Visible<T>(IQueryable<T> items, AccessScope scope) where T : class, IHeldRecord
    {
        if (scope.All) return items;
        var people = scope.EmployeeIds.ToList();
        return items.Where(i => i.EmployeeId != null && people.Contains(i.EmployeeId));
    }
}

using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Operations;

namespace RJH.DeviceWorkflows.Registry.LoanPool;

/// <summary>
/// Compares a model's available loan devices with its minimum after every change that can move it. The
/// alert is raised once when the level drops below and armed again when it recovers, so a pool that stays
/// low does not raise a task per loan.
/// </summary>
internal sealed class LoanPoolLevels(ILoanPoolAlerts alerts)
{
    public const string Entity = "LoanPool";

    public async Task CheckAsync(RegisterChange change, string model, CancellationToken ct)
    {
        await change.Db.SaveChangesAsync(ct); // count what this change has done so far
        var minimum = await change.Db.LoanPoolMinimums.FirstOrDefaultAsync(m => m.Model == model, ct);
        if (minimum is null) return;
        var available = await AvailableAsync(change, model, ct);
        if (available < minimum.Minimum && !minimum.AlertRaised)
        {
            minimum.AlertRaised = true;
            change.Audit(Entity, model, "BelowMinimum", null, new { model, available, minimum = minimum.Minimum }, null);
            var level = minimum.Minimum;
            change.OnCommitted(token => alerts.BelowMinimumAsync(model, available, level, token));
        }
        else if (available >= minimum.Minimum && minimum.AlertRaised)
        {
            minimum.AlertRaised = false;
        }
    }

    public static Task<int> AvailableAsync(RegisterChange change, string model, CancellationToken ct) =>
        change.Db.Devices.CountAsync(d => d.InLoanPool && d.Model == model && d.Status == DeviceStatus.InStock, ct);
}

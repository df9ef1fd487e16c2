using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.LoanPool;

/// <summary>
/// Compares a model's available loan devices with its minimum, and a site's with the site's, after every change that
/// can move them. An alert is raised once when a level drops below and armed again when it recovers, so a pool that
/// stays low does not raise a task per loan.
/// </summary>
internal sealed class LoanPoolLevels(ILoanPoolAlerts alerts, IOptions<RegisterOptions> options)
{
    public const string Entity = "LoanPool";
    public const string SiteEntity = "LoanPoolSite";

    /// <param name="canLower">False for a change that only adds to the pool: it re-arms alerts but cannot be a drop below a
    /// minimum (filling an empty site device by device must not raise a task at the first device).</param>
    public async Task CheckAsync(RegisterChange change, string model, string? site, CancellationToken ct, bool canLower = true)
    {
        await change.Db.SaveChangesAsync(ct); // count what this change has done so far
        var modelLevel = await CheckModelAsync(change, model, canLower, ct);
        var siteLevel = site is null ? null : await CheckSiteAsync(change, site, canLower, ct);
        if (modelLevel is null && siteLevel is null) return;
        var shortage = new LoanPoolShortage(model, modelLevel, siteLevel is null ? null : site, siteLevel);
        change.OnCommitted(token => alerts.BelowMinimumAsync(shortage, token));
    }

    /// <returns>The level when this change took the model below its minimum, else null.</returns>
    private static async Task<LoanPoolLevel?> CheckModelAsync(RegisterChange change, string model, bool canLower, CancellationToken ct)
    {
        var minimum = await change.Db.LoanPoolMinimums.FirstOrDefaultAsync(m => m.Model == model, ct);
        if (minimum is null) return null;
        var available = await change.Db.Devices.CountAsync(d => d.InLoanPool && d.Model == model && d.Status == DeviceStatus.InStock, ct);
        if (canLower && available < minimum.Minimum && !minimum.AlertRaised)
        {
            minimum.AlertRaised = true;
            change.Audit(Entity, model, "BelowMinimum", null, new { model, available, minimum = minimum.Minimum }, null);
            return new LoanPoolLevel(available, minimum.Minimum);
        }
        if (available >= minimum.Minimum && minimum.AlertRaised) minimum.AlertRaised = false;
        return null;
    }

    /// <returns>The level when this change took the site below its configured minimum, else null.</returns>
    private async Task<LoanPoolLevel?> CheckSiteAsync(RegisterChange change, string site, bool canLower, CancellationToken ct)
    {
        if (options.Value.LoanPool.Find(site) is not { } configured) return null;
        var available = await change.Db.Devices.CountAsync(d => d.InLoanPool && d.LoanPoolSite == site && d.Status == DeviceStatus.InStock, ct);
        var raised = await change.Db.LoanPoolSiteAlerts.FirstOrDefaultAsync(a => a.Site == site, ct);
        if (canLower && available < configured.Minimum && raised is null)
        {
            change.Db.LoanPoolSiteAlerts.Add(new LoanPoolSiteAlertRecord { Site = site, RaisedAt = change.Now });
            change.Audit(SiteEntity, site, "BelowMinimum", null, new { site, available, minimum = configured.Minimum }, null);
            return new LoanPoolLevel(available, configured.Minimum);
        }
        if (available >= configured.Minimum && raised is not null) change.Db.LoanPoolSiteAlerts.Remove(raised);
        return null;
    }
}

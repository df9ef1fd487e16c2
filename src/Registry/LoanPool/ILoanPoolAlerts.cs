using Microsoft.Extensions.Logging;

namespace RJH.DeviceWorkflows.Registry.LoanPool;

/// <summary>
/// Told when one change takes a model's available loan devices, or a site's, below its minimum (once, until the level
/// recovers). The register cannot reach the workflow engine; the Host replaces the default with one that starts a
/// workflow (a user task for Servicecenter). Called after the change has been committed.
/// </summary>
public interface ILoanPoolAlerts
{
    Task BelowMinimumAsync(LoanPoolShortage shortage, CancellationToken ct = default);
}

/// <summary>
/// What one change took below its minimum: the model's pool (<see cref="ModelLevel"/>), the site's
/// (<see cref="SiteLevel"/>), or both. One change raises one alert, so a loan that empties a model and a site at once
/// gives Servicecenter one task, not two.
/// </summary>
/// <param name="Model">The model of the device that moved.</param>
/// <param name="Site">The site of the device that moved; null when it has none.</param>
public sealed record LoanPoolShortage(string Model, LoanPoolLevel? ModelLevel, string? Site, LoanPoolLevel? SiteLevel);

public sealed record LoanPoolLevel(int Available, int Minimum);

/// <summary>The default until the Host wires a workflow: a log line (model, site and counts, no personal data).</summary>
internal sealed partial class LoggingLoanPoolAlerts(ILogger<LoggingLoanPoolAlerts> logger) : ILoanPoolAlerts
{
    public Task BelowMinimumAsync(LoanPoolShortage shortage, CancellationToken ct = default)
    {
        LogBelowMinimum(shortage.Model, shortage.ModelLevel, shortage.Site, shortage.SiteLevel);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loan pool below minimum: model {Model} {ModelLevel}, site {Site} {SiteLevel}")]
    private partial void LogBelowMinimum(string model, LoanPoolLevel? modelLevel, string? site, LoanPoolLevel? siteLevel);
}

using Microsoft.Extensions.Logging;

namespace RJH.DeviceWorkflows.Registry.LoanPool;

/// <summary>
/// Told when a model's available loan devices drop below its minimum (once, until the level recovers).
/// The register cannot reach the workflow engine; the Host replaces the default with one that starts a
/// workflow (a user task for Servicecenter). Called after the change has been committed.
/// </summary>
public interface ILoanPoolAlerts
{
    Task BelowMinimumAsync(string model, int available, int minimum, CancellationToken ct = default);
}

/// <summary>The default until the Host wires a workflow: a log line (model and counts, no personal data).</summary>
internal sealed partial class LoggingLoanPoolAlerts(ILogger<LoggingLoanPoolAlerts> logger) : ILoanPoolAlerts
{
    public Task BelowMinimumAsync(string model, int available, int minimum, CancellationToken ct = default)
    {
        LogBelowMinimum(model, available, minimum);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loan pool for {Model} below minimum: {Available} available, minimum {Minimum}")]
    private partial void LogBelowMinimum(string model, int available, int minimum);
}

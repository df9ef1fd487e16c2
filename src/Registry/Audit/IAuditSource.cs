namespace RJH.DeviceWorkflows.Registry.Audit;

/// <summary>
/// One part of the register that keeps an audit trail (the device register; risk assessments and
/// agreements). <c>GET /api/audit</c> asks every registered source and merges what they return, so
/// each part writes its trail in the same transaction as its change, in its own tables.
/// </summary>
public interface IAuditSource
{
    /// <summary>Entity names this source audits (e.g. "Device", "RemoteWorkAgreement").</summary>
    IReadOnlyCollection<string> Entities { get; }

    /// <summary>Entries of one entity kind, optionally of one id, newest first, that <paramref name="user"/> may read.</summary>
    Task<IReadOnlyList<AuditEntryView>> ReadAsync(string entity, string? id, RegisterUser user, int max, CancellationToken ct = default);
}

/// <param name="Before">JSON of the entity before the change (null when created); personal data masked.</param>
/// <param name="After">JSON after the change (null when deleted); personal data masked.</param>
public sealed record AuditEntryView(long Id, string Entity, string EntityId, string Action, string Actor, DateTimeOffset At,
    string? Before, string? After);

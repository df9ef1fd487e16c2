using Microsoft.EntityFrameworkCore;
using RJH.DeviceWorkflows.Registry.Operations;
using RJH.DeviceWorkflows.Registry.Persistence;

namespace RJH.DeviceWorkflows.Registry.Telephony;

internal sealed class ExtensionRegister(RegisterTransactions transactions) : IExtensionRegister
{
    public const string Entity = "Extension";

    private readonly HeldItems<ExtensionRecord, ExtensionView> items = new(transactions, Entity, AssignmentKind.Extension,
        db => db.Extensions, ExtensionView.From, "Anknytningen {0} finns inte.");

    public Task<IReadOnlyList<ExtensionView>> ListAsync(RegisterUser user, ExtensionStatus? status, string? text,
        CancellationToken ct = default) =>
        items.ListAsync(user, query =>
        {
            if (status is { } s) query = query.Where(x => x.Status == s);
            if (!string.IsNullOrWhiteSpace(text))
            {
                var value = text.Trim();
                query = query.Where(x => x.Number == value || x.EmployeeId == value || x.Switchboard.Contains(value));
            }
            return query.OrderBy(x => x.Number);
        }, ct);

    public Task<ExtensionView> GetAsync(RegisterUser user, Guid id, CancellationToken ct = default) => items.GetAsync(user, id, ct);

    public Task<ExtensionView> CreateAsync(RegisterUser user, NewExtension extension, string? operationKey = null,
        CancellationToken ct = default) =>
        items.CreateAsync(user, "Extension.Create", operationKey, change => NewRecordAsync(change, extension, ct), ct);

    public Task<ExtensionView> MoveAsync(RegisterUser user, Guid id, Holder holder, string? operationKey = null,
        CancellationToken ct = default) =>
        items.TransferAsync(user, "Extension.Move", operationKey, id, holder, ct);

    public Task<ExtensionView> SetStatusAsync(RegisterUser user, Guid id, ExtensionStatus status, string? operationKey = null,
        CancellationToken ct = default) =>
        items.ChangeAsync(user, "Extension.SetStatus", operationKey, id, "Status", (_, record) =>
        {
            TelephonyLifecycles.Extension.Ensure(record.Status, status);
            record.Status = status;
            record.EmployeeId = null;
            record.DeviceId = null;
            return Task.CompletedTask;
        }, ct);

    public async Task<ExtensionView?> ExtensionOfAsync(string employeeId, CancellationToken ct = default)
    {
        var found = await items.OfHolderAsync(query => query
            .Where(x => x.Status == ExtensionStatus.Active && x.EmployeeId == employeeId).OrderBy(x => x.Number), ct);
        return found.Count > 0 ? found[0] : null;
    }

    internal static async Task<ExtensionRecord> NewRecordAsync(RegisterChange change, NewExtension extension, CancellationToken ct)
    {
        var number = extension.Number?.Trim();
        if (string.IsNullOrEmpty(number) || !number.All(char.IsAsciiDigit) || number.Length > 12)
            throw new RegisterValidationException("number", "Anknytningen ska vara 1–12 siffror.");
        var switchboard = string.IsNullOrWhiteSpace(extension.Switchboard) ? "RJH" : extension.Switchboard.Trim();
        if (await change.Db.Extensions.AnyAsync(x => x.Number == number && x.Switchboard == switchboard && x.Status == ExtensionStatus.Active, ct))
            throw new RegisterConflictException($"Anknytning {number} är redan aktiv i växeln {switchboard}.");
        await Holders.ValidateAsync(change.Db, new Holder(extension.EmployeeId, extension.DeviceId), ct);
        return new ExtensionRecord
        {
            Id = Guid.CreateVersion7(change.Now),
            Number = number,
            Switchboard = switchboard,
            SwitchboardExtensionId = extension.SwitchboardExtensionId,
            Status = ExtensionStatus.Active,
            EmployeeId = extension.EmployeeId,
            DeviceId = extension.DeviceId,
            CreatedAt = change.Now,
            UpdatedAt = change.Now,
        };
    }
}

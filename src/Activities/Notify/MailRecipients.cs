using System.Net.Mail;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Rules.Calendar;

namespace RJH.DeviceWorkflows.Activities.Notify;

/// <param name="EmployeeId">Null when the model gave an address instead of an employee.</param>
public sealed record MailRecipient(string? EmployeeId, string? Name, string Email, WorkingHours Hours)
{
    /// <summary>For logs and the journal: the employee id, never the address.</summary>
    public string Label => EmployeeId ?? "(address from the model)";
}

/// <summary>
/// Resolves a recipient given as an employee id (through the register: name, e-mail, working hours) or
/// as a plain e-mail address (the region's default working hours). The register is optional so the
/// activity can be registered in a host without it; then only addresses work.
/// </summary>
public sealed class MailRecipients(IRegisterDirectory? directory = null)
{
    public const string NoAddressError = "no-recipient-address";

    /// <exception cref="BpmnErrorException"><see cref="NoAddressError"/>: the person has no e-mail address in the register.</exception>
    /// <exception cref="InvalidOperationException">Unknown employee, or no register in this host.</exception>
    public async Task<MailRecipient> ResolveAsync(string recipient, CancellationToken ct)
    {
        if (recipient.Contains('@', StringComparison.Ordinal))
        {
            return MailAddress.TryCreate(recipient, out var address)
                ? new MailRecipient(null, string.IsNullOrEmpty(address.DisplayName) ? null : address.DisplayName, address.Address, WorkingHours.Default)
                : throw new InvalidOperationException("A mail recipient given as an address is not a valid e-mail address.");
        }
        if (directory is null)
            throw new InvalidOperationException($"Mail recipient {recipient} is an employee id, but this host has no register to look it up in.");
        var person = await directory.FindPersonAsync(recipient, ct)
            ?? throw new InvalidOperationException($"Mail recipient {recipient} is not in the register.");
        if (string.IsNullOrWhiteSpace(person.Email))
            throw new BpmnErrorException(NoAddressError, $"Employee {recipient} has no e-mail address in the register.");
        return new MailRecipient(person.EmployeeId, person.Name, person.Email, HoursOf(person));
    }

    /// <summary>A person without working days in the register gets the region's office day (never "always reachable").</summary>
    public static WorkingHours HoursOf(PersonInfo person)
    {
        var zone = string.IsNullOrWhiteSpace(person.TimeZoneId) ? WorkingHours.Default.TimeZoneId : person.TimeZoneId;
        return person.WorkDays.Count == 0 || person.WorkStart >= person.WorkEnd
            ? WorkingHours.Default with { TimeZoneId = zone }
            : new WorkingHours { Days = person.WorkDays, Start = person.WorkStart, End = person.WorkEnd, TimeZoneId = zone };
    }
}

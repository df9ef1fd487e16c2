namespace RJH.DeviceWorkflows.Activities.Adapters.Telephony;

// These records are also the wire format of docs/telephony-api.yaml (camelCase JSON, enums as camelCase strings).

/// <summary>Who answers the extension: a unit, and a person in it (HSA-id and the name the switchboard's directory shows) or none for a function extension.</summary>
public sealed record ExtensionHolder(string UnitId, string? EmployeeId = null, string? Name = null);

/// <param name="MobileNumber">E.164 mobile number calls to the extension are forwarded to; null for none.</param>
public sealed record ExtensionRequest(ExtensionHolder Holder, string? MobileNumber = null);

public enum ExtensionStatus { Active, Removed }

/// <param name="Number">The extension number as dialled inside the region, e.g. "14701".</param>
public sealed record Extension(string Id, string Number, ExtensionStatus Status, ExtensionHolder Holder, string? MobileNumber);

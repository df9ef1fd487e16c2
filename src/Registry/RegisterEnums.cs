namespace RJH.DeviceWorkflows.Registry;

/// <summary>Whether the region bought the device or rents it (Alt 3 rents from a supplier).</summary>
public enum Ownership { Bought, Rented }

/// <summary>
/// The device's standing in MDM (Intune, Apple Business Manager, zero-touch). Locked and Wiped are the last
/// command the MDM accepted; Removed is a device retired from the MDM (it is no longer managed).
/// </summary>
public enum MdmState { NotEnrolled, Pending, Enrolled, Locked, Wiped, Removed }

/// <summary>Activation lock (Find My / FRP): a locked returned device cannot be reused until it is released.</summary>
public enum ActivationLock { Unknown, Off, On }

public enum SimKind { Sim, ESim }

public enum SubscriptionUsage { Voice, DataOnly }

public enum SubscriptionStatus { Ordered, Active, Blocked, Terminated }

public enum ExtensionStatus { Active, Removed }

/// <summary>What an assignment hands to a person.</summary>
public enum AssignmentKind { Device, Subscription, Extension }

/// <summary>A person in the register: still employed, or gone from the HR export and due for offboarding.</summary>
public enum PersonStatus { Active, Offboarding }

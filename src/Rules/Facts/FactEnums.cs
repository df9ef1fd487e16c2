namespace RJH.DeviceWorkflows.Rules.Facts;

// Names are the JSON values and what rule expressions compare with ("request.deviceType == \"Phone\""):
// renaming a member breaks stored rule sets.

public enum DeviceType { Phone, Tablet, DataOnlyPhone }

public enum RequestReason { New, Replacement, Loss }

public enum Rollout { None, Voluntary, Mandatory }

public enum AssessmentScope { Unit, Area, Administration, Region }

public enum AssessmentStatus { Draft, Submitted, Approved, Rejected }

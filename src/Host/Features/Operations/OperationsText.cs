namespace RJH.DeviceWorkflows.Host.Features.Operations;

/// <summary>Texts the operations pages share (statuses, journal kinds), in <c>OperationsText.resx</c>.</summary>
public sealed class OperationsText;

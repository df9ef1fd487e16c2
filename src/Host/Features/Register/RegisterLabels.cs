namespace RJH.DeviceWorkflows.Host.Features.Register;

/// <summary>Marker for <c>RegisterLabels.resx</c>: the register's column names and status words, shared by its pages and the export.</summary>
internal sealed class RegisterLabels;

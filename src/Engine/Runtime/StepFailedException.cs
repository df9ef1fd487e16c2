namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>A step could not run (expression error, sandbox limit, activity failure): its token gets an incident.</summary>
internal sealed class StepFailedException(string message, Exception? inner = null) : Exception(message, inner);

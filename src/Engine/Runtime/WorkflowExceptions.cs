using RJH.DeviceWorkflows.Engine.Model;

namespace RJH.DeviceWorkflows.Engine.Runtime;

/// <summary>Base of the errors a command reports to its caller; the Host maps each to a status code.</summary>
public abstract class WorkflowException(string message) : Exception(message);

public sealed class NotFoundException(string message) : WorkflowException(message);          // 404
public sealed class ForbiddenException(string message) : WorkflowException(message);         // 403
public sealed class ConflictException(string message) : WorkflowException(message);          // 409
public sealed class InvalidRequestException(string message) : WorkflowException(message);    // 400
public sealed class TooLargeException(string message) : WorkflowException(message);          // 413

/// <summary>A BPMN file that cannot be deployed; nothing was stored.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<Diagnostic> diagnostics)
    : WorkflowException($"The BPMN file has {diagnostics.Count} problem(s): {string.Join("; ", diagnostics.Take(3))}")
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}

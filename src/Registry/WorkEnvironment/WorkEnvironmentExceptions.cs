namespace RJH.DeviceWorkflows.Registry.WorkEnvironment;

/// <summary>
/// A request the work-environment services refuse. The message is Swedish and meant for the user; it never
/// holds personal data (a personnummer, say), because the Host shows it as a problem's <c>detail</c>.
/// </summary>
public abstract class WorkEnvironmentException(string message) : Exception(message);

/// <summary>No such record, or one the caller may not see: both answer the same so ids reveal nothing.</summary>
public sealed class WorkEnvironmentNotFoundException(string message) : WorkEnvironmentException(message);

/// <summary>The caller sees the record but may not do this with it.</summary>
public sealed class WorkEnvironmentForbiddenException(string message) : WorkEnvironmentException(message);

/// <summary>Bad input; <see cref="Field"/> names the request field (camelCase) it concerns. Nothing was stored.</summary>
public sealed class WorkEnvironmentValidationException(string field, string message) : WorkEnvironmentException(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// The record's state does not allow this (a forbidden status change, a second signature, a lost race).
/// <see cref="Allowed"/> lists the statuses the record may move to from where it is, when that is the question.
/// </summary>
public sealed class WorkEnvironmentConflictException(string message, IReadOnlyList<string>? allowed = null)
    : WorkEnvironmentException(message)
{
    public IReadOnlyList<string>? Allowed { get; } = allowed;
}

namespace RJH.DeviceWorkflows.Registry;

/// <summary>A request the register refuses; the message is in Swedish and shown to the user as is.</summary>
public abstract class RegisterException(string message) : Exception(message);

/// <summary>Unknown, or not visible to the caller: the two are never told apart.</summary>
public sealed class RegisterNotFoundException(string message) : RegisterException(message);

/// <summary>The caller's roles do not allow the change.</summary>
public sealed class RegisterForbiddenException(string message) : RegisterException(message);

/// <summary>A field of the request is missing or malformed.</summary>
public sealed class RegisterValidationException(string field, string message) : RegisterException(message)
{
    public string Field { get; } = field;
}

/// <summary>The change clashes with what is stored (a duplicate IMEI, a number already in use).</summary>
public sealed class RegisterConflictException(string message) : RegisterException(message);

/// <summary>An organisation import would flag more people for offboarding than allowed without confirmation; nothing changed.</summary>
public sealed class RegisterImportRemovesTooManyException(int wouldFlag, int people, double maxShare) : RegisterException(
    $"Importen skulle flagga {wouldFlag} av {people} personer för avslut, fler än {maxShare * 100:0} %. Inget har ändrats. " +
    "Kontrollera exporten; är den rätt, skicka den igen med ?confirmRemovals=true.")
{
    public int WouldFlag { get; } = wouldFlag;
    public int People { get; } = people;
}

/// <summary>A lifecycle transition that is not allowed from the current status; <see cref="Allowed"/> lists those that are.</summary>
public sealed class RegisterTransitionException(string message, IReadOnlyList<string> allowed) : RegisterException(message)
{
    public IReadOnlyList<string> Allowed { get; } = allowed;
}

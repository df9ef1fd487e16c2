namespace RJH.DeviceWorkflows.Activities.Adapters;

/// <summary>
/// A failure of an outside system. <see cref="Exception.Message"/> is written by us, never copied from the
/// other side: a supplier's error text can name people or numbers, and this message ends up in logs and incidents.
/// </summary>
public abstract class AdapterException(string system, string message, Exception? inner)
    : Exception(message, inner)
{
    /// <summary>Which outside system failed: <see cref="AdapterSystems"/>.</summary>
    public string System { get; } = system;
}

/// <summary>
/// The outside system refused the request for good (unknown device, subscription already terminated,
/// invalid request, refused credentials). Retrying with the same request gives the same answer.
/// <see cref="Code"/> is one of <see cref="AdapterErrorCodes"/> or a supplier's own machine code
/// (lower-case letters, digits, '_', '-', '.' only).
/// </summary>
public sealed class AdapterRejectedException(string system, string code, string message, Exception? inner = null)
    : AdapterException(system, message, inner)
{
    public string Code { get; } = code;
}

/// <summary>
/// The outside system could not answer now (timeout, 5xx, 429, connection refused, open circuit).
/// Nothing is known to have changed; the engine retries the job with the same idempotency key.
/// </summary>
public sealed class AdapterUnavailableException(string system, string message, Exception? inner = null, TimeSpan? retryAfter = null)
    : AdapterException(system, message, inner)
{
    /// <summary>How long the system asked us to wait (Retry-After), when it said so.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

public static class AdapterSystems
{
    public const string Mdm = "mdm";
    public const string Operator = "operator";
    public const string Telephony = "telephony";
    /// <summary>The device supplier of organisation model Alt 3 (procurement, MDM pre-configuration, delivery).</summary>
    public const string Supplier = "supplier";
}

/// <summary>Codes of <see cref="AdapterRejectedException"/> that every adapter uses the same way.</summary>
public static class AdapterErrorCodes
{
    public const string NotFound = "not_found";
    public const string InvalidRequest = "invalid_request";
    /// <summary>The resource is in a state that forbids the action (e.g. wiping a retired device).</summary>
    public const string Conflict = "conflict";
    public const string SubscriptionTerminated = "subscription_terminated";
    public const string SimBlocked = "sim_blocked";
    public const string ExtensionRemoved = "extension_removed";
    public const string DeviceRetired = "device_retired";
    /// <summary>A supplier order has left the warehouse: it can no longer be cancelled, only returned.</summary>
    public const string OrderShipped = "order_shipped";
    public const string OrderDelivered = "order_delivered";
    public const string OrderCancelled = "order_cancelled";
    /// <summary>An idempotency key was used again for a different operation.</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    /// <summary>Our credentials were refused (401/403): a configuration fault, treat it as an incident, not a business error.</summary>
    public const string Unauthorized = "unauthorized";
}

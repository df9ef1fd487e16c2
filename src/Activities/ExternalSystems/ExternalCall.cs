using RJH.DeviceWorkflows.Activities.Adapters;
using RJH.DeviceWorkflows.Engine.Activities;
using RJH.DeviceWorkflows.Registry;

namespace RJH.DeviceWorkflows.Activities.ExternalSystems;

/// <summary>BPMN error codes of the MDM, operator and telephony activities: the outside system refused for good.</summary>
public static class ExternalSystemErrors
{
    public const string MdmRejected = "mdm-rejected";
    public const string OperatorRejected = "operator-rejected";
    public const string TelephonyRejected = "telephony-rejected";

    /// <summary>The code for a system of <see cref="AdapterSystems"/>.</summary>
    public static string For(string system) => system switch
    {
        AdapterSystems.Mdm => MdmRejected,
        AdapterSystems.Operator => OperatorRejected,
        AdapterSystems.Telephony => TelephonyRejected,
        _ => $"{system}-rejected",
    };
}

/// <summary>
/// What every MDM, operator and telephony activity does the same way: call the adapter with the job's
/// idempotency key, turn a real refusal into a BPMN error, and derive the register's operation keys from
/// the same key so a job that runs twice changes the register once.
/// </summary>
internal static class ExternalCall
{
    /// <summary>
    /// Runs one adapter call. <see cref="AdapterUnavailableException"/> passes through: the engine retries the job
    /// with back-off and the same key. A refusal for good becomes the system's BPMN error, except refusals that are
    /// our own fault (credentials, a malformed request, a reused key): those fail the step as an incident, since no
    /// model can handle them. The message names the system, the action and the code only, never the supplier's text.
    /// </summary>
    public static async Task<T> RunAsync<T>(string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AdapterRejectedException e) when (!IsOurFault(e.Code))
        {
            throw new BpmnErrorException(ExternalSystemErrors.For(e.System), $"The {e.System} system refused to {action}: {e.Code}.");
        }
    }

    /// <summary>
    /// The register holds no id of the outside system for this record (imported, or never ordered through the
    /// workflows): the system cannot be asked, which a model handles like the system's own refusal.
    /// </summary>
    public static BpmnErrorException Unknown(string system, string action) =>
        new(ExternalSystemErrors.For(system), $"Cannot {action}: the register holds no {system} id for it.");

    /// <summary>The register's operation key of one step of this activity, derived from the job's idempotency key.</summary>
    public static string RegisterKey(this ActivityContext context, string step) => $"{context.IdempotencyKey}:{step}";

    /// <summary>A person the outside system needs (name, e-mail, unit); one missing from the register is a fault of the data (incident).</summary>
    public static async Task<PersonInfo> RequirePersonAsync(this IRegisterDirectory directory, string employeeId, CancellationToken ct) =>
        await directory.FindPersonAsync(employeeId, ct)
        ?? throw new InvalidOperationException($"Employee {employeeId} is not in the register.");

    /// <summary>The result with a journal line: system, action and ids only, never names, addresses or numbers.</summary>
    public static ActivityResult Noted(this ActivityResult result, string note) => result with { JournalNote = note };

    private static bool IsOurFault(string code) =>
        code is AdapterErrorCodes.Unauthorized or AdapterErrorCodes.InvalidRequest or AdapterErrorCodes.IdempotencyKeyReused;
}

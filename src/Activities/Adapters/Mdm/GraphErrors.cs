using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace RJH.DeviceWorkflows.Activities.Adapters.Mdm;

/// <summary>
/// Graph's failures as ours. Graph's error messages are not passed on: they can quote user names and devices.
/// They go to the log only (whose sinks mask personnummer and phone numbers), so the failure can still be diagnosed.
/// The SDK's own retry handler has already honoured Retry-After for 429 and 503 when a failure reaches us.
/// </summary>
internal sealed class GraphErrors(ILogger logger)
{
    public async Task<T> Guard<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (ApiException e)
        {
            logger.LogWarning("Microsoft Graph answered {Status}: {Answer}", e.ResponseStatusCode, (e as ODataError)?.Error?.Message ?? e.Message);
            throw Map(e);
        }
        catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Microsoft Graph did not answer: {Answer}", e.Message);
            throw new AdapterUnavailableException(AdapterSystems.Mdm, $"Microsoft Graph did not answer ({e.GetType().Name}).", e);
        }
    }

    private static AdapterException Map(ApiException e)
    {
        var status = e.ResponseStatusCode;
        return (HttpStatusCode)status switch
        {
            HttpStatusCode.NotFound => Rejected(AdapterErrorCodes.NotFound, "Intune knows no such device.", e),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                Rejected(AdapterErrorCodes.Unauthorized, $"Microsoft Graph refused the app's credentials or permissions ({status}).", e),
            HttpStatusCode.Conflict => Rejected(AdapterErrorCodes.Conflict, "Intune refused the action in the device's present state (409).", e),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => Unavailable(status, e),
            _ when status >= 500 => Unavailable(status, e),
            _ => Rejected(AdapterErrorCodes.InvalidRequest, $"Microsoft Graph refused the request ({status}).", e),
        };
    }

    private static AdapterRejectedException Rejected(string code, string message, Exception inner) =>
        new(AdapterSystems.Mdm, code, message, inner);

    private static AdapterUnavailableException Unavailable(int status, Exception inner) =>
        new(AdapterSystems.Mdm, $"Microsoft Graph is unavailable ({status}).", inner);
}

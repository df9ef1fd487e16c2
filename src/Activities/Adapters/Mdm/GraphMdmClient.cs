using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.DeviceManagement.ManagedDevices.Item.Wipe;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace RJH.DeviceWorkflows.Activities.Adapters.Mdm;

/// <summary>
/// Intune through Microsoft Graph. Graph cannot enrol a device (that happens on the device, through Apple
/// Business Manager or Android zero-touch); "enrol" here finds the managed device by serial number or IMEI,
/// makes the user its primary user and asks it to check in, so the profiles assigned to the region's device
/// groups reach it. Actions are queued by Intune and carried out when the device next checks in
/// (<see cref="MdmActionStatus.Accepted"/>). Graph has no idempotency keys: we send <c>Idempotency-Key</c> for
/// traceability, and each call is safe to repeat (the same command is queued again, the same user assigned again).
/// </summary>
internal sealed partial class GraphMdmClient(GraphServiceClient graph, IOptions<MdmOptions> options, TimeProvider time,
    ILogger<GraphMdmClient> logger) : IMdmClient
{
    private readonly GraphErrors _errors = new(logger);

    private const string IdempotencyKeyHeader = "Idempotency-Key";

    // The fields MdmDevice needs; activationLockBypassCode only to tell whether Intune holds one (never returned).
    private static readonly string[] DeviceFields =
        ["id", "imei", "serialNumber", "userPrincipalName", "managementState", "enrollmentProfileName", "lastSyncDateTime", "activationLockBypassCode"];

    private readonly IntuneOptions _intune = options.Value.Intune;

    public Task<MdmEnrollment> EnrollDeviceAsync(MdmEnrollmentRequest request, string idempotencyKey, CancellationToken ct = default) =>
        _errors.Guard(async () =>
        {
            var found = await graph.DeviceManagement.ManagedDevices.GetAsync(r =>
            {
                r.QueryParameters.Filter = Filter(request);
                r.QueryParameters.Select = DeviceFields;
                r.QueryParameters.Top = 2;
                r.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
            }, ct);
            var devices = found?.Value ?? [];
            if (devices.Count == 0)
                return new MdmEnrollment(MdmEnrollmentStatus.Pending, null);
            if (devices.Count > 1)
                throw new AdapterRejectedException(AdapterSystems.Mdm, AdapterErrorCodes.Conflict, "More than one managed device has this serial number or IMEI.");

            var device = devices[0];
            if (!string.Equals(device.UserPrincipalName, request.UserPrincipalName, StringComparison.OrdinalIgnoreCase))
                await AssignPrimaryUserAsync(device.Id!, request.UserPrincipalName, idempotencyKey, ct);
            await Device(device.Id!).SyncDevice.PostAsync(r => r.Headers.Add(IdempotencyKeyHeader, idempotencyKey), ct);
            return new MdmEnrollment(MdmEnrollmentStatus.Enrolled, device.Id);
        }, ct);

    public Task<MdmActionResult> LockDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) =>
        Act(deviceId, MdmAction.Lock, idempotencyKey, (d, h) => d.RemoteLock.PostAsync(h, ct), ct);

    public Task<MdmActionResult> WipeDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) =>
        Act(deviceId, MdmAction.Wipe, idempotencyKey,
            (d, h) => d.Wipe.PostAsync(new WipePostRequestBody { KeepEnrollmentData = false, KeepUserData = false }, h, ct), ct);

    public Task<MdmActionResult> RetireDeviceAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) =>
        Act(deviceId, MdmAction.Retire, idempotencyKey, (d, h) => d.Retire.PostAsync(h, ct), ct);

    public Task<MdmActionResult> ReleaseActivationLockAsync(string deviceId, string idempotencyKey, CancellationToken ct = default) =>
        Act(deviceId, MdmAction.ReleaseActivationLock, idempotencyKey, (d, h) => d.BypassActivationLock.PostAsync(h, ct), ct);

    /// <summary>
    /// <c>POST /deviceManagement/sendCustomNotificationToCompanyPortal</c>, which exists only on Graph's beta endpoint;
    /// Graph answers 204 and queues the notification for the groups' devices.
    /// </summary>
    public Task<MdmNotificationResult> SendNotificationAsync(MdmNotification notification, string idempotencyKey, CancellationToken ct = default)
    {
        if (notification.Problem is { } problem) throw Invalid(problem);
        return _errors.Guard(async () =>
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new CustomNotificationBody(notification.Title, notification.Body, notification.GroupIds));
            await SendBetaAsync("deviceManagement/sendCustomNotificationToCompanyPortal", idempotencyKey,
                r => r.SetStreamContent(new MemoryStream(body), "application/json"), ct);
            return new MdmNotificationResult(time.GetUtcNow());
        }, ct);
    }

    public async Task<MdmDevice?> GetDeviceAsync(string deviceId, CancellationToken ct = default)
    {
        try
        {
            var device = await _errors.Guard(() => Device(deviceId).GetAsync(r => r.QueryParameters.Select = DeviceFields, ct), ct);
            return device is null ? null : GraphDeviceMapper.ToMdmDevice(device);
        }
        catch (AdapterRejectedException e) when (e.Code == AdapterErrorCodes.NotFound)
        {
            return null;
        }
    }

    private Task<MdmActionResult> Act(string deviceId, MdmAction action, string idempotencyKey,
        Func<Microsoft.Graph.DeviceManagement.ManagedDevices.Item.ManagedDeviceItemRequestBuilder, Action<RequestConfiguration<DefaultQueryParameters>>, Task> post,
        CancellationToken ct) =>
        _errors.Guard(async () =>
        {
            await post(Device(deviceId), r => r.Headers.Add(IdempotencyKeyHeader, idempotencyKey));
            return new MdmActionResult(deviceId, action, MdmActionStatus.Accepted, time.GetUtcNow());
        }, ct);

    /// <summary>
    /// Graph v1.0 can read a device's users but not change them; the primary-user reference is written on the beta
    /// endpoint (<c>POST /deviceManagement/managedDevices/{id}/users/$ref</c>), through the same authenticated adapter.
    /// </summary>
    private async Task AssignPrimaryUserAsync(string deviceId, string userPrincipalName, string idempotencyKey, CancellationToken ct)
    {
        var beta = Beta;
        await SendBetaAsync($"deviceManagement/managedDevices/{Uri.EscapeDataString(deviceId)}/users/$ref", idempotencyKey,
            r => r.SetContentFromParsable(graph.RequestAdapter, "application/json",
                new ReferenceCreate { OdataId = $"{beta}/users/{Uri.EscapeDataString(userPrincipalName)}" }), ct);
    }

    private string Beta => _intune.BetaBaseAddress.ToString().TrimEnd('/');

    /// <summary>A POST to Graph's beta endpoint through the same authenticated adapter, Graph's errors read as OData errors.</summary>
    private async Task SendBetaAsync(string path, string idempotencyKey, Action<RequestInformation> content, CancellationToken ct)
    {
        var request = new RequestInformation { HttpMethod = Method.POST, URI = new Uri($"{Beta}/{path}") };
        request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        content(request);
        await graph.RequestAdapter.SendNoContentAsync(request,
            new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue }, ct);
    }

    /// <summary>Graph's request body, in Graph's camelCase names.</summary>
    private sealed record CustomNotificationBody(
        [property: JsonPropertyName("notificationTitle")] string NotificationTitle,
        [property: JsonPropertyName("notificationBody")] string NotificationBody,
        [property: JsonPropertyName("groupsToNotify")] IReadOnlyList<string> GroupsToNotify);

    private Microsoft.Graph.DeviceManagement.ManagedDevices.Item.ManagedDeviceItemRequestBuilder Device(string deviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        return graph.DeviceManagement.ManagedDevices[deviceId];
    }

    /// <summary>An OData filter from identifiers checked to be plain tokens, so nothing can be injected into it.</summary>
    private static string Filter(MdmEnrollmentRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.UserPrincipalName))
            throw Invalid("Enrolment needs the user's account.");
        if (!string.IsNullOrWhiteSpace(request.SerialNumber))
            return SafeIdentifier().IsMatch(request.SerialNumber) ? $"serialNumber eq '{request.SerialNumber}'" : throw Invalid("The serial number is malformed.");
        if (!string.IsNullOrWhiteSpace(request.Imei))
            return SafeIdentifier().IsMatch(request.Imei) ? $"imei eq '{request.Imei}'" : throw Invalid("The IMEI is malformed.");
        throw Invalid("Enrolment needs an IMEI or a serial number.");
    }

    private static AdapterRejectedException Invalid(string message) => new(AdapterSystems.Mdm, AdapterErrorCodes.InvalidRequest, message);

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex SafeIdentifier();
}

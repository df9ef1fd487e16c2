using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RJH.DeviceWorkflows.Activities.Adapters.Mdm;
using RJH.DeviceWorkflows.Activities.Adapters.Operator;
using RJH.DeviceWorkflows.Activities.Adapters.Rest;
using RJH.DeviceWorkflows.Activities.Adapters.Supplier;
using RJH.DeviceWorkflows.Activities.Adapters.Telephony;
using RJH.DeviceWorkflows.Activities.Notify;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Health;

/// <summary>
/// Whether the outside systems in use can be reached (a TCP connection, no call: probes must not cost the
/// supplier anything). An unreachable one only degrades readiness: jobs retry it, and taking every instance out
/// of the load balancer would stop people working for no gain.
/// </summary>
internal sealed class AdapterHealthCheck(
    IOptions<MdmOptions> mdm, IOptions<OperatorOptions> @operator, IOptions<TelephonyOptions> telephony,
    IOptions<SupplierOptions> supplier, IOptions<MailOptions> mail) : IHealthCheck
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var endpoints = Endpoints().ToList();
        var states = await Task.WhenAll(endpoints.Select(async e =>
            (e.Name, State: e.Target is null ? "simulated" : await ReachAsync(e.Target, cancellationToken) ? "reachable" : "unreachable")));
        // Names and states only: host names and keys stay out of an anonymous answer.
        var description = string.Join("; ", states.Select(s => $"{s.Name}: {s.State}"));
        return states.Any(s => s.State == "unreachable")
            ? HealthCheckResult.Degraded(description)
            : HealthCheckResult.Healthy(description);
    }

    private IEnumerable<(string Name, Uri? Target)> Endpoints()
    {
        yield return ("mdm", mdm.Value.Mode == MdmMode.Intune ? mdm.Value.Intune.BaseAddress : null);
        yield return ("operator", RestTarget(@operator.Value));
        yield return ("telephony", RestTarget(telephony.Value));
        yield return ("supplier", RestTarget(supplier.Value));
        var smtp = mail.Value.Smtp;
        yield return ("mail", mail.Value.Mode == MailMode.Smtp ? new Uri($"smtp://{smtp.Host}:{smtp.Port}") : null);
    }

    private static Uri? RestTarget(RestAdapterOptions options) =>
        options.Mode == RestAdapterMode.Rest ? options.Rest.BaseAddress : null;

    private static async Task<bool> ReachAsync(Uri target, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ConnectTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(target.Host, target.Port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }
}

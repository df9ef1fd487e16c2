using System.Security.Claims;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Ui.Diagram;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Devices;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Telephony;

namespace RJH.DeviceWorkflows.Host.Features.SelfService;

/// <summary>What a person holds: devices in use, the loan device, numbers and extensions.</summary>
public sealed record MyEquipment(PersonInfo? Person, IReadOnlyList<DeviceView> Devices, DeviceView? LoanDevice,
    IReadOnlyList<SubscriptionView> Subscriptions, IReadOnlyList<ExtensionView> Extensions);

/// <summary>One of the person's requests and where it stands.</summary>
/// <param name="StartedByOther">Who started it, when someone else (a manager) started it for the person.</param>
public sealed record MyRequest(Guid Id, string ProcessName, string? BusinessKey, string Status, DateTimeOffset StartedAt,
    IReadOnlyList<RequestStep> CurrentSteps, DateTimeOffset? EndedAt, string? StartedByOther = null);

public sealed record RequestStep(string Name, DateTimeOffset? Since);

/// <summary>The person's waiting tasks by due: overdue, due today (Stockholm), later or without a due time.</summary>
public sealed record MyTaskCounts(int Overdue, int Today, int Later)
{
    public int Total => Overdue + Today + Later;
}

/// <summary>
/// The self-service reads, for the start page and the "Mina …" pages: always about the signed-in person, through the
/// same register and engine services as the API, so the same access rules apply.
/// </summary>
public sealed class SelfServiceQueries(IOrgRegister org, IRegisterDirectory directory, IWorkflowQueries workflows, TimeProvider clock)
{
    public async Task<MyEquipment> EquipmentAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var person = await directory.FindPersonByUserNameAsync(user.ToCaller().UserName, ct);
        if (person is null) return new MyEquipment(null, [], null, [], []);
        var links = await org.LinksOfAsync(person.EmployeeId, ct);
        var loan = links.Devices.FirstOrDefault(d => d.Status == DeviceStatus.OnLoan);
        return new MyEquipment(person, links.Devices.Where(d => d != loan).ToList(), loan, links.Subscriptions, links.Extensions);
    }

    /// <summary>Requests the person started or someone started for them, newest first.</summary>
    public async Task<IReadOnlyList<MyRequest>> RequestsAsync(ClaimsPrincipal user, bool openOnly, CancellationToken ct = default)
    {
        var caller = user.ToCaller();
        var instances = await workflows.ListInstancesAsync(new InstanceQuery(Concerning: caller.UserName), caller, ct);
        var names = new Dictionary<(string, int), (string Process, BpmnElementNames Elements)>();
        var requests = new List<MyRequest>();
        foreach (var instance in instances.Where(i => !openOnly || i.EndedAt is null))
        {
            if (!names.TryGetValue((instance.DefinitionKey, instance.Version), out var named))
                names[(instance.DefinitionKey, instance.Version)] = named = await NamesAsync(instance, ct);
            var journal = instance.ActiveElements.Count == 0 ? [] : await workflows.GetJournalAsync(instance.Id, caller, ct);
            requests.Add(new MyRequest(instance.Id, named.Process, instance.BusinessKey, instance.Status, instance.StartedAt,
                instance.ActiveElements.Select(e => new RequestStep(named.Elements.NameOf(e), DiagramProgress.Since(journal, e))).ToList(),
                instance.EndedAt, instance.StartedBy == caller.UserName ? null : await NameOfAsync(instance.StartedBy, ct)));
        }
        return requests;
    }

    public async Task<MyTaskCounts> TaskCountsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var tasks = await workflows.ListTasksAsync(user.ToCaller(), null, 500, ct);
        var now = clock.GetUtcNow();
        var endOfToday = Ui.UiCultures.ToStockholm(now).Date.AddDays(1);
        int overdue = 0, today = 0, later = 0;
        foreach (var due in tasks.Select(t => t.DueAt))
        {
            if (due is { } d && d < now) overdue++;
            else if (due is { } t && Ui.UiCultures.ToStockholm(t).DateTime < endOfToday) today++;
            else later++;
        }
        return new MyTaskCounts(overdue, today, later);
    }

    private async Task<string> NameOfAsync(string userName, CancellationToken ct) =>
        (await directory.FindPersonByUserNameAsync(userName, ct))?.Name ?? userName;

    private async Task<(string, BpmnElementNames)> NamesAsync(InstanceView instance, CancellationToken ct)
    {
        var xml = await workflows.GetDefinitionXmlAsync(instance.DefinitionKey, instance.Version, ct);
        var definition = await workflows.GetDefinitionAsync(instance.DefinitionKey, ct);
        return (definition?.Name ?? instance.DefinitionKey, BpmnElementNames.Read(xml));
    }
}

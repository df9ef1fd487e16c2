using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using RJH.DeviceWorkflows.Engine.Runtime;
using RJH.DeviceWorkflows.Engine.Storage;
using RJH.DeviceWorkflows.Host.Features.WorkEnvironment;
using RJH.DeviceWorkflows.Host.Infrastructure.Auth;
using RJH.DeviceWorkflows.Host.Ui.Diagram;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Outcomes;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Host.Features.Dashboard;

/// <summary>The units the caller may choose from and the figures for the filter.</summary>
public sealed record OutcomeView(IReadOnlyList<UnitFact> Units, OutcomeReport Report);

/// <summary>The outcome dashboard's figures for a manager's units (and below) or, for admins, the whole region.</summary>
public interface IOutcomeDashboard
{
    /// <exception cref="ForbiddenException">The caller is neither a manager nor an admin.</exception>
    /// <exception cref="ArgumentException">The period is the wrong way round or too long.</exception>
    Task<OutcomeView> ReadAsync(ClaimsPrincipal user, DashboardFilter filter, CancellationToken ct = default);
}

internal sealed class OutcomeDashboard(IAuthorizationService authorization, IOutcomeData register, IRolloutHolds holds,
    IRiskAssessmentService assessments, IWorkflowQueries queries) : IOutcomeDashboard
{
    // The newest instances per process whose journals are read for the lead times: enough to show where time goes.
    private const int InstancesPerProcess = 200;

    public async Task<OutcomeView> ReadAsync(ClaimsPrincipal user, DashboardFilter filter, CancellationToken ct = default)
    {
        await FigureAccess.EnsureAsync(authorization, user, filter);

        var registerUser = user.ToRegisterUser();
        var facts = await register.ReadAsync(registerUser, new OutcomeQuery(filter.UnitId, filter.Start, filter.End), ct);
        // Everyone's instances when the whole register is in view; otherwise those of the people of the units in view.
        var units = registerUser.SeesWholeRegister && string.IsNullOrWhiteSpace(filter.UnitId)
            ? null : facts.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var report = new OutcomeReport(
            OutcomeFigures.WithoutPhone(facts),
            OutcomeFigures.OrderToDelivery(facts),
            OutcomeFigures.Returns(facts),
            OutcomeFigures.HeldByLeavers(facts),
            await GateAsync(user, facts, ct),
            StepTimes.Measure(await JournalsAsync(filter, units, ct)));
        return new OutcomeView(facts.ScopeUnits, report);
    }

    /// <summary>Units under rollout or with orders held: how many orders the gate holds and whether an approved assessment covers them.</summary>
    private async Task<IReadOnlyList<GateRow>> GateAsync(ClaimsPrincipal user, OutcomeFacts facts, CancellationToken ct)
    {
        var held = (await holds.HeldUnitsAsync(user, ct)).ToDictionary(h => h.UnitId, h => h.WaitingOrders, StringComparer.Ordinal);
        var rows = new List<GateRow>();
        foreach (var unit in facts.Units.Where(u => u.Level == OrgLevel.Unit && (u.Rollout != RolloutMode.None || held.ContainsKey(u.Id))))
        {
            var coverage = await assessments.CoverageAsync(unit.Id, ct);
            rows.Add(new GateRow(unit.Id, unit.Name, unit.Rollout, held.GetValueOrDefault(unit.Id),
                coverage.Any(c => c.Status == RiskAssessmentStatus.Approved)));
        }
        return rows;
    }

    private async Task<IReadOnlyList<ProcessJournal>> JournalsAsync(DashboardFilter filter, HashSet<string>? units, CancellationToken ct)
    {
        var chosen = new List<(string Process, InstanceView Instance)>();
        foreach (var definition in await queries.ListDefinitionsAsync(ct))
        {
            // The system caller: the engine shows other people's instances only to admins; the unit filter below is the scope.
            chosen.AddRange((await queries.ListInstancesAsync(new InstanceQuery(definition.Key, Max: InstancesPerProcess), Caller.System, ct))
                .Where(i => i.StartedAt >= filter.Start && i.StartedAt < filter.End && InUnits(i, units))
                .Select(i => (definition.Name ?? definition.Key, i)));
        }
        // All journals in one read, not one per instance: a period with a thousand instances stays one round trip.
        var journals = await queries.GetJournalsAsync(chosen.Select(c => c.Instance.Id).ToList(), Caller.System, ct);
        var models = new Dictionary<(string, int), BpmnElementNames>();
        var result = new List<ProcessJournal>();
        foreach (var (process, instance) in chosen)
        {
            if (!models.TryGetValue((instance.DefinitionKey, instance.Version), out var names))
                models[(instance.DefinitionKey, instance.Version)] = names =
                    BpmnElementNames.Read(await queries.GetDefinitionXmlAsync(instance.DefinitionKey, instance.Version, ct));
            result.Add(new ProcessJournal(process, names, journals.GetValueOrDefault(instance.Id, [])));
        }
        return result;
    }

    private static bool InUnits(InstanceView instance, HashSet<string>? units) =>
        units is null || (instance.Variables["employee"]?["unitId"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                          && units.Contains(instance.Variables["employee"]!["unitId"]!.GetValue<string>()));
}

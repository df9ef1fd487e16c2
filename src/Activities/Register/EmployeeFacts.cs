using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RJH.DeviceWorkflows.Registry;
using RJH.DeviceWorkflows.Registry.Org;
using RJH.DeviceWorkflows.Registry.Telephony;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;
using Facts = RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Activities.Register;

/// <summary>
/// Builds the policy facts (<see cref="Facts.DeviceFacts"/>: employee, unit, request) from the register and the
/// work-environment services. Built from the rule engine's own fact types, so the JSON is the shape its strict reader
/// accepts (camelCase, enums by name, nothing extra).
/// </summary>
public sealed class EmployeeFacts(IRegisterDirectory directory, IRiskAssessmentService assessments, IRemoteWorkAgreementService agreements)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <param name="ancestry">The person's unit and those above it when the caller has read them already; null reads them.</param>
    public async Task<JsonNode?> BuildAsync(PersonInfo person, PersonLinks links, Facts.DeviceRequest? request,
        IReadOnlyList<UnitInfo>? ancestry, CancellationToken ct)
    {
        var facts = new Facts.DeviceFacts
        {
            Employee = new Facts.Employee
            {
                Id = person.EmployeeId,
                Roles = person.Roles,
                HasOwnExtension = person.HasOwnExtension,
                SharesExtension = person.SharesExtension,
                RemoteWorkAgreement = await agreements.HasActiveAgreementAsync(person.EmployeeId, ct),
                WorksAcrossLargeArea = person.WorksAcrossLargeArea,
                ActiveDevices = ActiveDevices(links),
            },
            Unit = person.UnitId is { } unitId ? await UnitAsync(unitId, ancestry ?? await directory.AncestryAsync(unitId, ct), ct) : null,
            Request = request,
        };
        return JsonSerializer.SerializeToNode(facts, Json);
    }

    /// <summary>
    /// The person's own devices (a loan is not theirs); a phone whose subscription is data-only counts as a
    /// DataOnlyPhone, the policy's name for it.
    /// </summary>
    private static List<Facts.DeviceType> ActiveDevices(PersonLinks links)
    {
        var dataOnly = links.Subscriptions.Where(s => s.Usage == SubscriptionUsage.DataOnly && s.DeviceId is not null)
            .Select(s => s.DeviceId!.Value).ToHashSet();
        return links.Devices.Where(d => d.Status != DeviceStatus.OnLoan)
            .Select(d => d.Type == DeviceType.Phone && dataOnly.Contains(d.Id) ? Facts.DeviceType.DataOnlyPhone
                : Enum.Parse<Facts.DeviceType>(d.Type.ToString()))
            .ToList();
    }

    private async Task<Facts.Unit> UnitAsync(string unitId, IReadOnlyList<UnitInfo> ancestry, CancellationToken ct)
    {
        var coverage = await assessments.CoverageAsync(ancestry, ct);
        return new Facts.Unit
        {
            Id = unitId,
            AreaId = ancestry.FirstOrDefault(u => u.Level == OrgLevel.Area)?.Id,
            AdministrationId = ancestry.FirstOrDefault(u => u.Level == OrgLevel.Administration)?.Id,
            Rollout = Enum.Parse<Facts.Rollout>((ancestry.FirstOrDefault()?.Rollout ?? RolloutMode.None).ToString()),
            // Org levels and assessment statuses share their names with the policy's scopes and statuses.
            RiskAssessments = coverage.Select(c => new Facts.RiskAssessment
            {
                Scope = Enum.Parse<Facts.AssessmentScope>(c.Scope.ToString()),
                Status = Enum.Parse<Facts.AssessmentStatus>(c.Status.ToString()),
            }).ToList(),
        };
    }
}

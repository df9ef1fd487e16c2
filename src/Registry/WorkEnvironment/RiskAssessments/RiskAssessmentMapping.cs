using RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;
using Content = RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments.RiskAssessmentValidator.Content;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

/// <summary>Between the stored row (lists as JSON) and the view the API and audit show; an assessment holds no personal numbers.</summary>
internal static class RiskAssessmentMapping
{
    public const string Entity = "RiskAssessment";

    public static Content ReadContent(RiskAssessmentRecord record) => WorkEnvironmentJson.Read<Content>(record.ContentJson);

    public static List<SignOff> ReadSignOffs(RiskAssessmentRecord record) => WorkEnvironmentJson.Read<List<SignOff>>(record.SignOffsJson);

    public static RiskAssessmentStatus Status(RiskAssessmentRecord record) => Enum.Parse<RiskAssessmentStatus>(record.Status);

    public static RiskAssessmentView ToView(RiskAssessmentRecord record)
    {
        var content = ReadContent(record);
        return new RiskAssessmentView(record.Id, record.ScopeUnitId, record.ScopeUnitName, record.ScopeLevel, record.Title,
            record.Description, content.Risks, content.Measures, content.Participants, Status(record), ReadSignOffs(record),
            record.RejectionComment, record.CreatedBy, record.CreatedAt, record.UpdatedAt, record.SubmittedAt, record.DecidedAt);
    }
}

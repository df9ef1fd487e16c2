using RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

/// <summary>Between the stored row and the view. Without a decrypted number the view carries the masked one (lists, audit).</summary>
internal static class RemoteWorkMapping
{
    public const string Entity = "RemoteWorkAgreement";

    public static RemoteWorkStatus Status(RemoteWorkAgreementRecord record) => Enum.Parse<RemoteWorkStatus>(record.Status);

    public static NoticePeriod Notice(RemoteWorkAgreementRecord record) =>
        new(record.NoticeValue, Enum.Parse<NoticeUnit>(record.NoticeUnit));

    public static List<AgreementSignature> Signatures(RemoteWorkAgreementRecord record) =>
        WorkEnvironmentJson.Read<List<AgreementSignature>>(record.SignaturesJson);

    public static List<FollowUp> FollowUps(RemoteWorkAgreementRecord record) =>
        WorkEnvironmentJson.Read<List<FollowUp>>(record.FollowUpsJson);

    public static RemoteWorkAgreementView ToView(RemoteWorkAgreementRecord record) => ToView(record, fullPersonalNumber: null);

    public static RemoteWorkAgreementView ToView(RemoteWorkAgreementRecord record, string? fullPersonalNumber)
    {
        var status = Status(record);
        var followUps = FollowUps(record);
        // Annual follow-up: a year after the last one, or after the start for a new agreement.
        DateOnly? nextFollowUp = status == RemoteWorkStatus.Active
            ? (followUps.Count > 0 ? followUps.Max(f => f.Date) : record.StartDate).AddYears(1)
            : null;
        return new RemoteWorkAgreementView(record.Id, record.EmployeeId, record.EmployeeName, record.UnitId,
            fullPersonalNumber ?? record.PersonalNumberMasked, record.Workplace, record.StartDate, record.EndDate,
            record.RemoteDaysPerWeek, record.OfficeDaysPerWeek, WorkEnvironmentJson.Read<RemoteWorkTerms>(record.TermsJson),
            WorkEnvironmentJson.Read<List<EquipmentLineView>>(record.EquipmentJson), Notice(record), status, record.ApprovedBy,
            record.ApprovedAt, Signatures(record), record.ActivatedAt, record.TerminatedAt, record.TerminatedBy,
            record.TerminationReason, followUps, nextFollowUp, record.CreatedBy, record.CreatedAt, record.UpdatedAt);
    }

    /// <summary>Writes a checked draft's content into the row (not the personnummer, which the service encrypts).</summary>
    public static void Apply(RemoteWorkAgreementRecord record, RemoteWorkAgreementDraft draft, RemoteWorkValidator.Checked input)
    {
        record.EmployeeId = input.Employee.EmployeeId;
        record.EmployeeName = input.Employee.Name;
        record.UnitId = input.Employee.UnitId ?? "";
        record.Workplace = input.Workplace;
        record.StartDate = draft.StartDate;
        record.EndDate = draft.EndDate;
        record.RemoteDaysPerWeek = draft.RemoteDaysPerWeek;
        record.OfficeDaysPerWeek = draft.OfficeDaysPerWeek;
        record.TermsJson = WorkEnvironmentJson.Write(input.Terms);
        record.EquipmentJson = WorkEnvironmentJson.Write(input.Equipment);
        record.NoticeValue = input.Notice.Value;
        record.NoticeUnit = input.Notice.Unit.ToString();
    }
}

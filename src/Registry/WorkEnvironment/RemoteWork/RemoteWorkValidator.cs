using RJH.DeviceWorkflows.Registry.WorkEnvironment.PersonalNumbers;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

/// <summary>
/// Checks an agreement draft against the register: the employee exists, every equipment line is a device assigned
/// to them. Messages never repeat the personnummer that was typed.
/// </summary>
internal sealed class RemoteWorkValidator(IRegisterDirectory directory, TimeProvider time)
{
    private const int MaxNoticeMonths = 12;
    private const int MaxNoticeDays = 365;
    private const int DaysPerWeek = 7;

    public sealed record Checked(PersonInfo Employee, PersonalNumber? PersonalNumber, string Workplace, RemoteWorkTerms Terms,
        IReadOnlyList<EquipmentLineView> Equipment, NoticePeriod Notice);

    public async Task<Checked> CheckAsync(RemoteWorkAgreementDraft draft, bool personalNumberRequired, CancellationToken ct)
    {
        var employee = string.IsNullOrWhiteSpace(draft.EmployeeId) ? null : await directory.FindPersonAsync(draft.EmployeeId, ct);
        if (employee is null)
            throw new WorkEnvironmentValidationException("employeeId", "Ange en anställd som finns i registret.");
        var number = ReadPersonalNumber(draft.PersonalNumber, personalNumberRequired);
        var workplace = InputRules.Text(draft.Workplace, "workplace", "Arbetsplatsen");
        CheckPeriodAndExtent(draft);
        var terms = CheckTerms(draft.Terms);
        var notice = CheckNotice(draft.NoticePeriod);
        var equipment = await CheckEquipmentAsync(employee.EmployeeId, InputRules.List(draft.Equipment, "equipment", "Utrustningen"), ct);
        return new Checked(employee, number, workplace, terms, equipment, notice);
    }

    private PersonalNumber? ReadPersonalNumber(string? text, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
            return required ? throw new WorkEnvironmentValidationException("personalNumber", "Personnummer måste anges.") : null;
        return PersonalNumber.TryParse(text, SwedishCalendar.Today(time), out var number) ? number
            : throw new WorkEnvironmentValidationException("personalNumber",
                "Personnumret är ogiltigt: skriv ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN med rätt kontrollsiffra.");
    }

    private static void CheckPeriodAndExtent(RemoteWorkAgreementDraft draft)
    {
        if (draft.EndDate is { } end && end < draft.StartDate)
            throw new WorkEnvironmentValidationException("endDate", "Slutdatum kan inte vara före startdatum.");
        if (draft.OfficeDaysPerWeek < 1)
            throw new WorkEnvironmentValidationException("officeDaysPerWeek", "Minst en dag i veckan ska arbetas på den ordinarie arbetsplatsen.");
        if (draft.RemoteDaysPerWeek < 1 || draft.RemoteDaysPerWeek + draft.OfficeDaysPerWeek > DaysPerWeek)
            throw new WorkEnvironmentValidationException("remoteDaysPerWeek",
                "Ange minst en distansdag, och högst så många att distans- och arbetsplatsdagar ryms i en vecka.");
    }

    private static RemoteWorkTerms CheckTerms(RemoteWorkTerms? terms)
    {
        if (terms is null) throw new WorkEnvironmentValidationException("terms", "Avtalsvillkoren måste fyllas i.");
        const int length = InputRules.LongText;
        return new RemoteWorkTerms(
            InputRules.Text(terms.WorkingHours, "terms.workingHours", "Arbetstiden", length),
            InputRules.Text(terms.Availability, "terms.availability", "Tillgängligheten", length),
            InputRules.Text(terms.AbsenceRoutine, "terms.absenceRoutine", "Rutinen vid frånvaro", length),
            InputRules.Text(terms.MeetingAttendance, "terms.meetingAttendance", "Närvaron vid arbetsplatsträffar", length),
            InputRules.Text(terms.Tasks, "terms.tasks", "Arbetsuppgifterna", length),
            InputRules.Text(terms.ResultFollowUp, "terms.resultFollowUp", "Uppföljningen av resultat", length),
            InputRules.Text(terms.Connection, "terms.connection", "Uppkopplingen", length));
    }

    private static NoticePeriod CheckNotice(NoticePeriod? notice)
    {
        if (notice is null) throw new WorkEnvironmentValidationException("noticePeriod", "Uppsägningstiden måste anges.");
        var unit = InputRules.Defined(notice.Unit, "noticePeriod.unit", "Uppsägningstidens enhet");
        var max = unit == NoticeUnit.Months ? MaxNoticeMonths : MaxNoticeDays;
        if (notice.Value < 0 || notice.Value > max)
            throw new WorkEnvironmentValidationException("noticePeriod.value", $"Uppsägningstiden ska vara 0–{max} {(unit == NoticeUnit.Months ? "månader" : "dagar")}.");
        return notice;
    }

    /// <summary>Equipment used remotely must be the region's and on the inventory: a register device assigned to this employee.</summary>
    private async Task<IReadOnlyList<EquipmentLineView>> CheckEquipmentAsync(string employeeId, IReadOnlyList<EquipmentLine> lines,
        CancellationToken ct)
    {
        if (lines.Count == 0) return [];
        var assigned = (await directory.DevicesAssignedToAsync(employeeId, ct)).ToDictionary(d => d.Id);
        var views = new List<EquipmentLineView>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!assigned.TryGetValue(line.DeviceId, out var device))
                throw new WorkEnvironmentValidationException($"equipment[{i}].deviceId",
                    $"Enheten {line.DeviceId} är inte utlämnad till den anställde i registret; bara den anställdes egna enheter kan stå i avtalet.");
            if (views.Any(v => v.DeviceId == line.DeviceId))
                throw new WorkEnvironmentValidationException($"equipment[{i}].deviceId", $"Enheten {line.DeviceId} står redan i avtalet.");
            views.Add(new EquipmentLineView(device.Id, device.Model, device.Type, device.Serial,
                InputRules.OptionalText(line.Note, $"equipment[{i}].note", "Anteckningen", InputRules.ShortText)));
        }
        return views;
    }
}

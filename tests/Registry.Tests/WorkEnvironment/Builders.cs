using RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment.Support;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Registry.Tests.WorkEnvironment;

/// <summary>Complete, valid inputs; tests change only what they are about.</summary>
internal static class Builders
{
    /// <summary>A valid personnummer (Luhn-checked) that appears nowhere else in the tests.</summary>
    public const string ErikNumber = "19800101-1231";

    public static RiskAssessmentDraft Assessment(string scopeUnitId = "unit-akut", bool withSafetyRep = true) => new(
        scopeUnitId,
        "Mobiltelefon i tjänsten",
        "Införande av tjänstetelefon för alla medarbetare.",
        [new RiskItem("Ständig nåbarhet", "Medarbetare känner sig tvungna att svara efter arbetstid.", RiskLevel.High)],
        [new RiskMeasure("Riktlinje för användning efter arbetstid.", "Anna Chef", new DateOnly(2026, 4, 1))],
        withSafetyRep
            ? [new Participant("Sara Skyddsombud", ParticipantRole.SafetyRep), new Participant("Erik Anställd", ParticipantRole.Employee)]
            : [new Participant("Erik Anställd", ParticipantRole.Employee)]);

    public static RemoteWorkAgreementDraft Agreement(string employeeId = "E200", string? personalNumber = ErikNumber,
        IReadOnlyList<EquipmentLine>? equipment = null, NoticePeriod? notice = null) => new(
        employeeId,
        personalNumber,
        "Akutmottagningen, Östersunds sjukhus",
        new DateOnly(2026, 3, 2),
        null,
        RemoteDaysPerWeek: 2,
        OfficeDaysPerWeek: 3,
        new RemoteWorkTerms("08–17 måndag–fredag", "Nås på tjänstetelefon 08–17", "Sjukanmälan till chefen före 08",
            "Deltar på plats i arbetsplatsträffar", "Journalgranskning och planering", "Månadsvis med chefen", "Regionens VPN"),
        equipment ?? [new EquipmentLine(FakeRegisterDirectory.ErikPhone, "Tjänstetelefon")],
        notice ?? new NoticePeriod(1, NoticeUnit.Months));
}

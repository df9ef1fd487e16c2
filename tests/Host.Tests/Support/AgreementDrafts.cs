using System.Text.Json.Nodes;

namespace RJH.DeviceWorkflows.Host.Tests.Support;

/// <summary>A remote-work agreement draft that draft-agreement's form accepts (seed 004's fields, all filled in).</summary>
internal static class AgreementDrafts
{
    public static JsonObject Valid(string personalNumber, string availability = "Telefon och Teams") =>
        System.Text.Json.JsonSerializer.SerializeToNode(new
        {
            personalNumber,
            workplace = "Strokerehabteamet, Östersund",
            startDate = "2027-01-04",
            remoteDaysPerWeek = 2,
            officeDaysPerWeek = 3,
            noticePeriod = new { value = 1, unit = "Months" },
            terms = new
            {
                workingHours = "08–16.30", availability, absenceRoutine = "Som på arbetsplatsen",
                meetingAttendance = "På plats", tasks = "Journalföring", resultFollowUp = "Veckovis", connection = "VPN",
            },
        })!.AsObject();
}

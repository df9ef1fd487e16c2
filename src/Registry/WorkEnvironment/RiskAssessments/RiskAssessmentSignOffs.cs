using RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;
using static RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments.RiskAssessmentMapping;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

/// <summary>
/// Two-party sign-off of a submitted assessment: the unit's manager and a safety representative each sign once,
/// two different people. Both approve → Approved; one rejection → Rejected at once, with its comment.
/// </summary>
internal sealed class RiskAssessmentSignOffs(RiskAssessmentAccess access, TimeProvider time)
{
    private static readonly int PartyCount = Enum.GetValues<SignOffParty>().Length;

    public async Task ApplyAsync(RiskAssessmentRecord record, SignOffRequest request, RegisterUser user, CancellationToken ct)
    {
        if (Status(record) != RiskAssessmentStatus.Submitted)
            throw new WorkEnvironmentConflictException($"Bara en inlämnad riskbedömning kan signeras; den har status {record.Status}.");
        InputRules.Defined(request.Decision, "decision", "Beslutet");
        var comment = InputRules.OptionalText(request.Comment, "comment", "Kommentaren");
        if (request.Decision == SignOffDecision.Reject && comment is null)
            throw new WorkEnvironmentValidationException("comment", "Skriv varför riskbedömningen avslås.");

        var party = ChooseParty(request.Party, await access.PartiesAsync(record.ScopeUnitId, user, ct));
        var signed = ReadSignOffs(record);
        if (signed.Any(s => s.Party == party))
            throw new WorkEnvironmentConflictException($"Parten {party} har redan signerat riskbedömningen.");
        if (signed.Any(s => string.Equals(s.By, user.UserName, StringComparison.OrdinalIgnoreCase)))
            throw new WorkEnvironmentForbiddenException("Samma person kan inte signera för båda parter.");

        var now = time.GetUtcNow();
        signed.Add(new SignOff(party, user.UserName, request.Decision, comment, now));
        record.SignOffsJson = WorkEnvironmentJson.Write(signed);
        if (request.Decision == SignOffDecision.Reject)
        {
            (record.Status, record.RejectionComment, record.DecidedAt) = (nameof(RiskAssessmentStatus.Rejected), comment, now);
        }
        else if (signed.Count == PartyCount)
        {
            (record.Status, record.RejectionComment, record.DecidedAt) = (nameof(RiskAssessmentStatus.Approved), null, now);
        }
    }

    private static SignOffParty ChooseParty(SignOffParty? asked, IReadOnlyList<SignOffParty> possible)
    {
        if (asked is { } party)
            return possible.Contains(party) ? party
                : throw new WorkEnvironmentForbiddenException($"Du kan inte signera som {party} för den här riskbedömningen.");
        return possible.Count switch
        {
            0 => throw new WorkEnvironmentForbiddenException(
                "Riskbedömningen signeras av enhetens chef och ett skyddsombud; du är ingen av dem."),
            1 => possible[0],
            _ => throw new WorkEnvironmentValidationException("party", "Ange vilken part du signerar som: Manager eller SafetyRep."),
        };
    }
}

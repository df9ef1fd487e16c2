using RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;
using static RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork.RemoteWorkMapping;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;

/// <summary>
/// The status changes of an agreement after it is written, as changes to a loaded row: each checks who asks and
/// from which status, and throws (changing nothing) when it may not happen.
/// </summary>
internal sealed class RemoteWorkLifecycle(TimeProvider time)
{
    public static readonly StatusTransitions<RemoteWorkStatus> Transitions = new("Avtalet",
        new Dictionary<RemoteWorkStatus, RemoteWorkStatus[]>
        {
            [RemoteWorkStatus.Draft] = [RemoteWorkStatus.Approved],
            [RemoteWorkStatus.Approved] = [RemoteWorkStatus.Draft],
            [RemoteWorkStatus.Signed] = [RemoteWorkStatus.Active, RemoteWorkStatus.Terminated],
            [RemoteWorkStatus.Active] = [RemoteWorkStatus.Terminated],
        });

    private const string SignedHint = "Signed blir avtalet när både den anställde och chefen har signerat.";
    private static readonly int PartyCount = Enum.GetValues<AgreementParty>().Length;

    public void Approve(RemoteWorkAgreementRecord record, AgreementRelation relation, RegisterUser user)
    {
        if (!relation.IsManager && !relation.IsAdmin)
            throw new WorkEnvironmentForbiddenException("Avtalet godkänns av den anställdes chef.");
        Move(record, RemoteWorkStatus.Approved);
        (record.ApprovedBy, record.ApprovedAt) = (user.UserName, time.GetUtcNow());
    }

    /// <summary>Approved → Draft to change the terms: the approval and any signature belong to the old text.</summary>
    public void Reopen(RemoteWorkAgreementRecord record, AgreementRelation relation)
    {
        if (!relation.IsEmployee && !relation.MayAdminister)
            throw new WorkEnvironmentForbiddenException("Bara avtalets parter eller HR kan återöppna avtalet.");
        Move(record, RemoteWorkStatus.Draft);
        (record.ApprovedBy, record.ApprovedAt, record.SignaturesJson) = (null, null, "[]");
    }

    public void Sign(RemoteWorkAgreementRecord record, AgreementParty? asked, AgreementRelation relation, RegisterUser user)
    {
        if (Status(record) != RemoteWorkStatus.Approved)
            throw new WorkEnvironmentConflictException($"Bara ett godkänt avtal kan signeras; avtalet har status {record.Status}.");
        var party = ChooseParty(asked, relation);
        var signatures = Signatures(record);
        if (signatures.Any(s => s.Party == party))
            throw new WorkEnvironmentConflictException($"Parten {party} har redan signerat avtalet.");
        signatures.Add(new AgreementSignature(party, user.UserName, time.GetUtcNow()));
        record.SignaturesJson = WorkEnvironmentJson.Write(signatures);
        if (signatures.Count == PartyCount) record.Status = nameof(RemoteWorkStatus.Signed);
    }

    public void Activate(RemoteWorkAgreementRecord record, AgreementRelation relation)
    {
        if (!relation.MayAdminister)
            throw new WorkEnvironmentForbiddenException("Avtalet aktiveras av chefen eller HR.");
        Move(record, RemoteWorkStatus.Active);
        record.ActivatedAt = time.GetUtcNow();
    }

    /// <summary>Either party (or HR) gives notice today; the agreement ends when the notice period allows, or later if asked.</summary>
    public void Terminate(RemoteWorkAgreementRecord record, TerminationRequest request, AgreementRelation relation, RegisterUser user)
    {
        if (!relation.IsEmployee && !relation.MayAdminister)
            throw new WorkEnvironmentForbiddenException("Avtalet sägs upp av den anställde, chefen eller HR.");
        var reason = InputRules.OptionalText(request.Reason, "reason", "Skälet");
        Move(record, RemoteWorkStatus.Terminated);

        var notice = Notice(record);
        var earliest = notice.EarliestEnd(SwedishCalendar.Today(time));
        var end = request.EndDate ?? earliest;
        if (end < earliest)
            throw new WorkEnvironmentValidationException("endDate",
                $"Uppsägningstiden är {notice.Value} {(notice.Unit == NoticeUnit.Months ? "månader" : "dagar")}; avtalet kan sluta tidigast {earliest:yyyy-MM-dd}.");
        // A fixed-term agreement that runs out before the notice does ends on its own date.
        if (record.EndDate is { } agreedEnd && agreedEnd < end) end = agreedEnd;
        (record.EndDate, record.TerminatedAt, record.TerminatedBy, record.TerminationReason) = (end, time.GetUtcNow(), user.UserName, reason);
    }

    public void RecordFollowUp(RemoteWorkAgreementRecord record, FollowUpRequest request, AgreementRelation relation, RegisterUser user)
    {
        if (!relation.MayAdminister)
            throw new WorkEnvironmentForbiddenException("Uppföljningen förs in av chefen eller HR.");
        if (Status(record) != RemoteWorkStatus.Active)
            throw new WorkEnvironmentConflictException($"Bara ett aktivt avtal följs upp; avtalet har status {record.Status}.");
        InputRules.Defined(request.Decision, "decision", "Beslutet");
        if (request.Date > SwedishCalendar.Today(time))
            throw new WorkEnvironmentValidationException("date", "Uppföljningens datum kan inte ligga i framtiden.");
        var comment = InputRules.OptionalText(request.Comment, "comment", "Kommentaren");
        if (request.Decision != FollowUpDecision.Continue && comment is null)
            throw new WorkEnvironmentValidationException("comment", "Skriv vad som ska ändras eller varför avtalet ska upphöra.");
        var followUps = FollowUps(record);
        followUps.Add(new FollowUp(request.Date, request.Decision, comment, user.UserName, time.GetUtcNow()));
        record.FollowUpsJson = WorkEnvironmentJson.Write(followUps.OrderBy(f => f.Date).ToList());
    }

    private static void Move(RemoteWorkAgreementRecord record, RemoteWorkStatus to)
    {
        Transitions.Ensure(Status(record), to);
        record.Status = to.ToString();
    }

    /// <summary>Signed is reached by the second signature, never set by hand: a conflict naming what is allowed instead.</summary>
    public static void RefuseSignedByStatus(RemoteWorkAgreementRecord record) =>
        Transitions.Ensure(Status(record), RemoteWorkStatus.Signed, SignedHint);

    private static AgreementParty ChooseParty(AgreementParty? asked, AgreementRelation relation)
    {
        var mine = relation.IsEmployee ? AgreementParty.Employee : relation.IsManager ? AgreementParty.Manager : (AgreementParty?)null;
        // A signature is personal: only the employee and their manager sign, never an admin or HR on their behalf.
        if (mine is not { } party || (asked is { } wanted && wanted != party))
            throw new WorkEnvironmentForbiddenException(asked is { } p
                ? $"Du kan inte signera avtalet som {p}."
                : "Avtalet signeras av den anställde och dennes chef; du är ingen av dem.");
        return party;
    }
}

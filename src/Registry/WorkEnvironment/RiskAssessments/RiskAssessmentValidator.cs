namespace RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

/// <summary>Checks and tidies what a user wrote; the state rules (what a submission needs) are here too.</summary>
internal static class RiskAssessmentValidator
{
    public sealed record Content(IReadOnlyList<RiskItem> Risks, IReadOnlyList<RiskMeasure> Measures, IReadOnlyList<Participant> Participants);

    public static (string Title, string? Description, Content Content) Check(RiskAssessmentDraft draft)
    {
        var title = InputRules.Text(draft.Title, "title", "Rubriken");
        var description = InputRules.OptionalText(draft.Description, "description", "Beskrivningen");
        var risks = InputRules.List(draft.Risks, "risks", "Riskerna").Select((r, i) => new RiskItem(
            InputRules.Text(r.Topic, $"risks[{i}].topic", "Riskens område"),
            InputRules.Text(r.Description, $"risks[{i}].description", "Riskens beskrivning", InputRules.LongText),
            InputRules.Defined(r.Level, $"risks[{i}].level", "Risknivån"))).ToList();
        var measures = InputRules.List(draft.Measures, "measures", "Åtgärderna").Select((m, i) => new RiskMeasure(
            InputRules.Text(m.Description, $"measures[{i}].description", "Åtgärdens beskrivning", InputRules.LongText),
            InputRules.OptionalText(m.Responsible, $"measures[{i}].responsible", "Ansvarig", InputRules.ShortText),
            m.Due)).ToList();
        var participants = InputRules.List(draft.Participants, "participants", "Deltagarna").Select((p, i) => new Participant(
            InputRules.Text(p.Name, $"participants[{i}].name", "Deltagarens namn"),
            InputRules.Defined(p.Role, $"participants[{i}].role", "Deltagarens roll"))).ToList();
        return (title, description, new Content(risks, measures, participants));
    }

    /// <summary>The rules ask for participation: a submitted assessment names its risks and measures and had a safety representative.</summary>
    public static void CheckReadyToSubmit(Content content)
    {
        if (content.Risks.Count == 0)
            throw new WorkEnvironmentValidationException("risks", "Ange minst en risk innan riskbedömningen lämnas in.");
        if (content.Measures.Count == 0)
            throw new WorkEnvironmentValidationException("measures", "Ange minst en åtgärd innan riskbedömningen lämnas in.");
        if (content.Participants.All(p => p.Role != ParticipantRole.SafetyRep))
            throw new WorkEnvironmentValidationException("participants",
                "Skyddsombudet ska ha deltagit: ange skyddsombudet bland deltagarna innan riskbedömningen lämnas in.");
    }
}

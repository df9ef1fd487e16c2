namespace RJH.DeviceWorkflows.Host.Features.Routines;

/// <summary>
/// A process's routine document, generated from its published version and the published rule sets it decides by:
/// always as current as what runs, because nothing of it is written by hand.
/// </summary>
/// <param name="Purpose">The process's own documentation (<c>bpmn:documentation</c>), when it has one.</param>
/// <param name="StarterRoles">Who may start it (<c>rjh:starterRoles</c>); empty means an administrator.</param>
public sealed record Routine(string Key, string Name, int Version, DateTimeOffset? PublishedAt, string? Purpose,
    IReadOnlyList<string> StarterRoles, IReadOnlyList<RoutineStep> Steps, IReadOnlyList<RoutineDecision> Decisions,
    IReadOnlyList<RoleChecklist> Checklists)
{
    /// <summary>The steps people do, in the order the process reaches them.</summary>
    public IEnumerable<RoutineStep> ManualSteps => Steps.Where(s => s.Kind == RoutineStepKind.Manual);

    /// <summary>Steps the system does by itself (register, MDM, operator, mail, rules).</summary>
    public IEnumerable<RoutineStep> AutomaticSteps => Steps.Where(s => s.Kind is RoutineStepKind.Automatic or RoutineStepKind.Decision);

    /// <summary>Deadlines, waits and reminders.</summary>
    public IEnumerable<RoutineStep> TimedSteps => Steps.Where(s => s.Deadline is not null || s.Kind is RoutineStepKind.Wait or RoutineStepKind.Reminder);
}

public enum RoutineStepKind { Start, Manual, Automatic, Decision, Choice, Wait, Reminder, SubProcess, End }

/// <param name="Roles">Who does a manual step: its candidate roles (empty when an assignee expression names the person).</param>
/// <param name="Assignee">The expression that names the one person who does it (e.g. the employee's manager).</param>
/// <param name="Lane">The diagram lane the step is drawn in, when the diagram has lanes.</param>
/// <param name="Description">What an automatic step's activity does, in Swedish, from the activity catalog.</param>
/// <param name="Deadline">An ISO-8601 duration: a task's due time, a timer's wait or a reminder's delay.</param>
/// <param name="Branches">A choice's outgoing flows by name ("Ja", "Nej", …).</param>
/// <param name="CalledProcess">A sub-process's key, whose routine is its own page.</param>
public sealed record RoutineStep(int Number, string ElementId, RoutineStepKind Kind, string Name, IReadOnlyList<string> Roles,
    string? Assignee, string? Lane, string? Description, string? Deadline, IReadOnlyList<string> Branches, string? CalledProcess,
    string? AttachedTo = null);

/// <summary>A rule-set decision of the process, with the rows of the set's published version in words.</summary>
public sealed record RoutineDecision(string ElementId, string StepName, string Set, int? Version, string? Description,
    string HitPolicy, IReadOnlyList<RoutineRule> Rules);

/// <param name="Conditions">The row's cells that are not "any", as "column: cell".</param>
public sealed record RoutineRule(string Name, IReadOnlyList<string> Conditions, string Outcome, string Reason);

/// <summary>What one role does in this process, in order.</summary>
public sealed record RoleChecklist(string Role, IReadOnlyList<RoutineStep> Steps);

namespace RJH.DeviceWorkflows.Engine.Privacy;

/// <summary>
/// Settings of the section "Engine:PersonalVariables": which process variables hold personal data. Their values are
/// encrypted in the engine's stored state (and job inputs) and masked in every view; the engine's own steps read them
/// in clear. A variable is personal when its name (at any depth: <c>employee.ssn</c> too) matches
/// <see cref="NamePattern"/> or is one of <see cref="Names"/>; the Host adds every form field marked
/// <c>rjh:personal</c> to <see cref="Names"/>.
/// </summary>
public sealed class PersonalVariableOptions
{
    public const string Section = EngineOptions.Section + ":PersonalVariables";

    /// <summary>A .NET regular expression over the variable's name, case-insensitive.</summary>
    public string NamePattern { get; set; } =
        "^(personalIdentityNumber|personalNumber|personnummer|samordningsnummer|coordinationNumber|ssn|socialSecurityNumber)$";

    /// <summary>Further names, matched exactly but case-insensitively.</summary>
    public List<string> Names { get; set; } = [];
}

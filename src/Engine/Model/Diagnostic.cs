namespace RJH.DeviceWorkflows.Engine.Model;

/// <summary>One problem found while reading or validating a BPMN file.</summary>
public sealed record Diagnostic(string? ElementId, int Line, string Message)
{
    public override string ToString() => $"{ElementId ?? "(file)"} line {Line}: {Message}";
}

/// <summary>Outcome of reading a BPMN file: a model, or the reasons there is none.</summary>
public sealed record ReadResult(ProcessModel? Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Model is not null && Diagnostics.Count == 0;
}

// TEMP STUB - replaced by reader branch
namespace RJH.DeviceWorkflows.Engine.Model.Reading;
public sealed record BpmnReaderOptions {
    public Func<string, bool>? IsKnownActivity { get; init; }
    public Func<string, string?>? CheckExpression { get; init; }
    public Func<string, string?>? CheckScript { get; init; }
    public int MaxBytes { get; init; } = 2_000_000;
}
public static class BpmnReader { public static ReadResult Read(string xml, BpmnReaderOptions? options = null) => throw new NotImplementedException(); }

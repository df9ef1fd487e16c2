namespace RJH.DeviceWorkflows.Engine.Model.Reading;

/// <summary>
/// What the reader may ask the rest of the system while it validates a file. The reader itself
/// knows neither the activity catalogue nor the expression language, so both come in as checks.
/// </summary>
public sealed record BpmnReaderOptions
{
    /// <summary>True when an <c>rjh:activity</c> value names a registered activity; null accepts any value.</summary>
    public Func<string, bool>? IsKnownActivity { get; init; }

    /// <summary>Returns a syntax error message for an expression, or null when it compiles; null skips the check.</summary>
    public Func<string, string?>? CheckExpression { get; init; }

    /// <summary>Same as <see cref="CheckExpression"/> for script task bodies.</summary>
    public Func<string, string?>? CheckScript { get; init; }

    /// <summary>Largest accepted file, in UTF-8 bytes.</summary>
    public int MaxBytes { get; init; } = 2_000_000;
}

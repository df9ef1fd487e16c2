namespace RJH.DeviceWorkflows.Engine.Expressions;

/// <summary>Sandbox limits per evaluation of user-written JavaScript (section "Engine:Expressions").</summary>
public sealed class ExpressionOptions
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);
    public int MaxStatements { get; set; } = 100_000;
    public long MaxMemoryBytes { get; set; } = 32 * 1024 * 1024;
    public int MaxRecursion { get; set; } = 64;
}

/// <summary>An expression or script failed: syntax, runtime error or a sandbox limit.</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);

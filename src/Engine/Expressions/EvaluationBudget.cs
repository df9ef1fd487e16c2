using System.Diagnostics;
using Jint;

namespace RJH.DeviceWorkflows.Engine.Expressions;

/// <summary>
/// The time and statement limits of one evaluation. Jint's own limits would also bound the one-off preparation of a
/// reused engine (<see cref="ExpressionEnginePool"/>), which takes longer than a short time limit; this one can be
/// suspended for it.
/// </summary>
internal sealed class EvaluationBudget(ExpressionOptions limits) : Constraint
{
    // A clock read costs more than a statement; checking time every few statements bounds how late a timeout is noticed.
    private const int StatementsPerClockRead = 32;

    private readonly long timeoutTicks = (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
    private long deadline;
    private int statements;

    public bool Suspended { get; set; }

    public override void Check()
    {
        if (Suspended) return;
        if (++statements > limits.MaxStatements)
            throw new ExpressionException($"The expression ran more than {limits.MaxStatements} statements and was stopped.");
        if (statements % StatementsPerClockRead == 0 && Stopwatch.GetTimestamp() > deadline)
            throw TimedOut(limits);
    }

    public override void Reset()
    {
        statements = 0;
        deadline = Stopwatch.GetTimestamp() + timeoutTicks;
    }

    public static ExpressionException TimedOut(ExpressionOptions limits, Exception? inner = null) =>
        new($"The expression ran longer than {limits.Timeout.TotalSeconds:0.###} s and was stopped.", inner);
}

using System.Collections.Concurrent;
using Jint.Native;

namespace RJH.DeviceWorkflows.Engine.Expressions;

/// <summary>
/// Jint engines reused for pure expressions: building an engine and its realm cost more than evaluating a
/// condition or an input mapping, and a process runs many of those per command.
/// </summary>
/// <remarks>
/// A reused engine must not carry anything from one evaluation to the next, which may belong to another instance
/// and another person. So its realm is frozen before first use — every intrinsic object and function, and the global
/// object apart from the few names set before each evaluation and cleared after — and only expressions run on it
/// (an expression cannot declare a binding; scripts and statement bodies get a fresh engine). An expression that
/// tries to change the realm gets a TypeError, as strict mode gives for a frozen object.
/// </remarks>
internal sealed class ExpressionEnginePool(Func<Jint.Engine> create)
{
    /// <summary>The names an expression may be given as globals.</summary>
    public static readonly IReadOnlySet<string> GlobalNames = new HashSet<string>(["vars", "instance", "result", "caller"], StringComparer.Ordinal);

    // Enough for every worker thread of a busy host; more idle engines would only hold memory.
    private const int MaxIdle = 32;

    // Walks every object reachable from the global object (iteratively: Jint's recursion limit also applies here).
    // The global object itself is not frozen: the settable names stay writable, everything else becomes read-only.
    private static readonly string HardenScript = $$"""
        (() => {
          const settable = new Set([{{string.Join(", ", GlobalNames.Select(n => $"'{n}'"))}}]);
          const seen = new Set([globalThis]);
          const pending = [Object.getPrototypeOf(globalThis)];
          for (const key of Reflect.ownKeys(globalThis)) {
            const d = Object.getOwnPropertyDescriptor(globalThis, key);
            if (settable.has(key)) { Object.defineProperty(globalThis, key, { configurable: false }); continue; }
            Object.defineProperty(globalThis, key, 'value' in d ? { writable: false, configurable: false } : { configurable: false });
            pending.push(d.value, d.get, d.set);
          }
          Object.preventExtensions(globalThis);
          while (pending.length > 0) {
            const o = pending.pop();
            if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
            seen.add(o);
            Object.freeze(o);
            pending.push(Object.getPrototypeOf(o));
            for (const key of Reflect.ownKeys(o)) {
              const d = Object.getOwnPropertyDescriptor(o, key);
              pending.push(d.value, d.get, d.set);
            }
          }
        })()
        """;

    private readonly ConcurrentQueue<Jint.Engine> idle = new();

    // Counted apart from the queue: asking a ConcurrentBag for its count locked it against every other thread, and in
    // a profile of 2,500 orderings that was the most contended lock of the process.
    private int idleCount;

    public static void Assign(Jint.Engine engine, string name, JsValue value)
    {
        if (!engine.Global.Set(name, value))
            throw new InvalidOperationException($"The global '{name}' of a reused expression engine could not be set.");
    }

    public Jint.Engine Rent()
    {
        if (idle.TryDequeue(out var engine))
        {
            Interlocked.Decrement(ref idleCount);
            return engine;
        }
        engine = create();
        foreach (var name in GlobalNames) engine.SetValue(name, JsValue.Undefined);
        // Preparing takes tens of milliseconds (it builds every built-in); the evaluation's limits are not for it.
        var budget = engine.Constraints.Find<EvaluationBudget>()
            ?? throw new InvalidOperationException("A reused expression engine needs an evaluation budget.");
        budget.Suspended = true;
        try { engine.Execute(HardenScript); }
        finally { budget.Suspended = false; }
        return engine;
    }

    /// <summary>Takes an engine back after an evaluation that ended normally (one stopped by a limit is dropped).</summary>
    /// <param name="use">What the evaluation could reach of its globals: only those are cleared (null: every one).</param>
    public void Return(Jint.Engine engine, GlobalUse? use)
    {
        // The last evaluation's variables must neither be seen by the next one nor kept alive while idle. A global the
        // expression never names it could neither be given nor assign (anything that reaches a global without naming
        // it makes the use opaque, and then every name counts), so it is still undefined: clearing all four on every
        // return was a thirtieth of a ten-step start's CPU (P1).
        foreach (var name in GlobalNames)
            if (use is null || use.Reads(name, out _)) Assign(engine, name, JsValue.Undefined);
        // Two returns at once may both see room and leave one engine more than the limit: harmless.
        if (Volatile.Read(ref idleCount) >= MaxIdle) return;
        Interlocked.Increment(ref idleCount);
        idle.Enqueue(engine);
    }
}

using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RJH.DeviceWorkflows.Data;

/// <summary>
/// A query that returns one value, compiled once per EF model. A LINQ query is turned into its executor again on
/// every call (parameters extracted, the cache key hashed and looked up): for the short look-ups a workflow step makes
/// by key, that was more than the query itself (P1 and P5, docs/benchmarks.md). A compiled query serves one model
/// and recompiles when handed another, and each database provider has its own model, so there is one per model.
/// </summary>
public sealed class CompiledQuery<TContext, TParam, TResult>(Expression<Func<TContext, TParam, CancellationToken, TResult>> query)
    where TContext : DbContext
{
    private readonly ConcurrentDictionary<IModel, Func<TContext, TParam, CancellationToken, Task<TResult>>> compiled = new();

    public Task<TResult> RunAsync(TContext db, TParam parameter, CancellationToken ct) =>
        compiled.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, parameter, ct);
}

/// <summary><see cref="CompiledQuery{TContext,TParam,TResult}"/> with two parameters.</summary>
public sealed class CompiledQuery<TContext, TParam1, TParam2, TResult>(
    Expression<Func<TContext, TParam1, TParam2, CancellationToken, TResult>> query)
    where TContext : DbContext
{
    private readonly ConcurrentDictionary<IModel, Func<TContext, TParam1, TParam2, CancellationToken, Task<TResult>>> compiled = new();

    public Task<TResult> RunAsync(TContext db, TParam1 first, TParam2 second, CancellationToken ct) =>
        compiled.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, first, second, ct);
}

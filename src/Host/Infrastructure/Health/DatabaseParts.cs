using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace RJH.DeviceWorkflows.Host.Infrastructure.Health;

/// <summary>
/// The parts' context types, found from their registrations: each part registers a factory of its own abstract
/// base context (the products' contexts derive from it), and those types are internal to the parts.
/// </summary>
internal sealed class DatabaseParts(IReadOnlyList<Type> contextTypes)
{
    private static readonly MethodInfo Create = typeof(DatabaseParts).GetMethod(nameof(CreateTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    public IReadOnlyList<Type> ContextTypes { get; } = contextTypes;

    public static DatabaseParts From(IServiceCollection services) =>
        new(services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IDbContextFactory<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(context => context.IsAbstract)
            .Distinct()
            .ToList());

    public static string NameOf(Type context) => context.Name.Replace("DbContext", "", StringComparison.Ordinal);

    public static Task<DbContext> CreateAsync(IServiceProvider services, Type context, CancellationToken ct) =>
        (Task<DbContext>)Create.MakeGenericMethod(context).Invoke(null, [services, ct])!;

    private static async Task<DbContext> CreateTyped<TContext>(IServiceProvider services, CancellationToken ct)
        where TContext : DbContext =>
        await services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContextAsync(ct);
}

using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;

namespace RJH.DeviceWorkflows.Engine.Activities;

/// <summary>Activity types known to this host, from the <see cref="ActivityAttribute"/> of each registered class.</summary>
public sealed class ActivityCatalog
{
    private readonly FrozenDictionary<string, (Type Type, ActivityDescriptor Descriptor)> types;

    public ActivityCatalog(IEnumerable<ActivityRegistration> registrations)
    {
        var list = registrations.Select(r => (r.Type, Descriptor: Describe(r.Type))).ToList();
        var duplicate = list.GroupBy(t => t.Descriptor.Type, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Activity type '{duplicate.Key}' is registered more than once.");
        types = list.ToFrozenDictionary(t => t.Descriptor.Type, t => (t.Type, t.Descriptor), StringComparer.Ordinal);
    }

    public bool Contains(string type) => types.ContainsKey(type);

    public IEnumerable<ActivityDescriptor> Descriptors => types.Values.Select(t => t.Descriptor).OrderBy(d => d.Type, StringComparer.Ordinal);

    public ActivityDescriptor Descriptor(string type) => types[type].Descriptor;

    public IActivity Create(string type, IServiceProvider services) =>
        types.TryGetValue(type, out var t)
            ? (IActivity)services.GetRequiredService(t.Type)
            : throw new InvalidOperationException($"Activity type '{type}' is not registered in this host.");

    internal static ActivityDescriptor Describe(Type type) => ActivityDescriptor.Of(type);
}

/// <summary>One activity class made known to the catalog.</summary>
public sealed record ActivityRegistration(Type Type);

public static class ActivityServiceCollectionExtensions
{
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services)
        where TActivity : class, IActivity
    {
        ActivityCatalog.Describe(typeof(TActivity));
        services.AddTransient<TActivity>();
        services.AddSingleton(new ActivityRegistration(typeof(TActivity)));
        return services;
    }
}

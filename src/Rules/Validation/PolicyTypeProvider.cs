using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Reflection;
using RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Rules.Validation;

/// <summary>The only types an expression may name: <see cref="PolicyFunctions"/> and the facts' enums.</summary>
internal sealed class PolicyTypeProvider : IDynamicLinqCustomTypeProvider
{
    private static readonly HashSet<Type> Types =
    [
        typeof(PolicyFunctions), typeof(DeviceType), typeof(RequestReason), typeof(Rollout),
        typeof(AssessmentScope), typeof(AssessmentStatus),
    ];

    public HashSet<Type> GetCustomTypes() => [.. Types];

    public Dictionary<Type, List<MethodInfo>> GetExtensionMethods() => [];

    public Type? ResolveType(string typeName) => Types.FirstOrDefault(t => t.FullName == typeName);

    public Type? ResolveTypeBySimpleName(string simpleTypeName) => Types.FirstOrDefault(t => t.Name == simpleTypeName);
}

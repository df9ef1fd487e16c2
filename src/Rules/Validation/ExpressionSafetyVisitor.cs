using System.Linq.Expressions;
using System.Reflection;
using RJH.DeviceWorkflows.Rules.Facts;

namespace RJH.DeviceWorkflows.Rules.Validation;

/// <summary>
/// The second check: what Dynamic LINQ actually resolved. Every node must have an allowed type, every
/// member and method must belong to an allowed type, and node kinds that build or invoke code are
/// refused. An allow-list, so a way in that nobody thought of is closed by default.
/// </summary>
internal sealed class ExpressionSafetyVisitor : ExpressionVisitor
{
    private static readonly HashSet<Type> FactTypes =
    [
        typeof(DeviceFacts), typeof(Employee), typeof(Unit), typeof(RiskAssessment), typeof(DeviceRequest),
        typeof(NotificationFacts), typeof(DeviceType), typeof(RequestReason), typeof(Rollout),
        typeof(AssessmentScope), typeof(AssessmentStatus),
    ];

    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(bool), typeof(char), typeof(string), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort),
        typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal),
        typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly),
        typeof(DayOfWeek), typeof(Guid), typeof(object),
    ];

    private static readonly HashSet<Type> GenericCollections =
    [
        typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IList<>),
        typeof(ICollection<>), typeof(List<>), typeof(IOrderedEnumerable<>), typeof(Nullable<>),
    ];

    // Static helpers whose every public method is a pure function of its arguments.
    private static readonly HashSet<Type> MethodOwners = [typeof(PolicyFunctions), typeof(Enumerable), typeof(Math), typeof(string)];

    private static readonly HashSet<string> ForbiddenMethods = new(StringComparer.Ordinal)
    {
        nameof(GetType), "MemberwiseClone", "Finalize", "GetHashCode", "ReferenceEquals",
        // Amplifiers: one short expression, gigabytes or minutes (Range(0, int.MaxValue), "x".PadLeft(1e9)).
        "Range", "Repeat", "PadLeft", "PadRight",
        // Randomness makes a decision unrepeatable, like the clock below.
        "NewGuid",
    };

    // A decision must depend on its facts only, so the simulator and the audit can replay it;
    // rules that need "now" get it as a fact, as notification-hours does.
    private static readonly HashSet<string> ClockMembers = new(StringComparer.Ordinal) { "Now", "UtcNow", "Today" };

    // Constructing these from literals is data; a string's constructor can allocate without bound.
    private static readonly HashSet<Type> Constructible =
        [typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly), typeof(decimal)];

    private readonly List<string> problems = [];

    public static IReadOnlyList<string> Check(Expression expression)
    {
        var visitor = new ExpressionSafetyVisitor();
        visitor.Visit(expression);
        return visitor.problems;
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null) return null;
        if (!IsAllowedType(node.Type))
        {
            Problem($"reaches the type '{Describe(node.Type)}', which rules may not use");
            return node; // Its children only repeat the same finding.
        }
        switch (node.NodeType)
        {
            case ExpressionType.New when Constructible.Contains(node.Type):
                break;
            case ExpressionType.Invoke or ExpressionType.New or ExpressionType.NewArrayBounds or ExpressionType.MemberInit
                or ExpressionType.ListInit or ExpressionType.TypeIs or ExpressionType.TypeEqual or ExpressionType.TypeAs
                or ExpressionType.Quote or ExpressionType.Dynamic or ExpressionType.Extension or ExpressionType.Block
                or ExpressionType.Assign or ExpressionType.Throw or ExpressionType.Try or ExpressionType.Loop
                or ExpressionType.Goto or ExpressionType.Label or ExpressionType.RuntimeVariables or ExpressionType.Index:
                Problem($"uses '{node.NodeType}', which rules may not use (no constructing, invoking or type tests)");
                return node;
        }
        return base.Visit(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        if (ForbiddenMethods.Contains(method.Name) || method.Name.StartsWith('<') || !IsAllowedMethodOwner(method))
        {
            Problem($"calls '{Describe(method.DeclaringType)}.{method.Name}', which rules may not call");
            return node;
        }
        if (method.IsGenericMethod && method.GetGenericArguments().FirstOrDefault(a => !IsAllowedType(a)) is { } bad)
        {
            Problem($"uses the type '{Describe(bad)}', which rules may not use");
            return node;
        }
        return base.VisitMethodCall(node);
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is null && ClockMembers.Contains(node.Member.Name))
        {
            Problem($"reads the clock ('{Describe(node.Member.DeclaringType)}.{node.Member.Name}'); a decision may depend only on its facts");
            return node;
        }
        if (node.Member.DeclaringType is not { } owner || !IsAllowedType(owner) || node.Member is not (PropertyInfo or FieldInfo))
        {
            Problem($"reads '{Describe(node.Member.DeclaringType)}.{node.Member.Name}', which rules may not read");
            return node;
        }
        return base.VisitMember(node);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        // A user-defined conversion operator is a method call in disguise.
        if (node.Method is { } method && !IsAllowedMethodOwner(method))
        {
            Problem($"converts through '{Describe(method.DeclaringType)}.{method.Name}', which rules may not call");
            return node;
        }
        return base.VisitUnary(node);
    }

    private static bool IsAllowedMethodOwner(MethodInfo method)
    {
        var owner = method.DeclaringType;
        if (owner is null) return false;
        if (MethodOwners.Contains(owner)) return true;
        // Instance methods of values and collections (Contains, ToString, CompareTo, Add on dates…),
        // but not object's own beyond Equals/ToString, which ForbiddenMethods has already narrowed.
        return IsAllowedType(owner);
    }

    public static bool IsAllowedType(Type type)
    {
        if (ValueTypes.Contains(type) || FactTypes.Contains(type)) return true;
        if (type.IsArray) return type.GetArrayRank() == 1 && IsAllowedType(type.GetElementType()!);
        if (!type.IsGenericType) return false;
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (GenericCollections.Contains(definition)) return IsAllowedType(arguments[0]);
        // Lambdas of LINQ calls: Func<RiskAssessment, bool> and the like.
        return definition.Namespace == "System" && definition.Name.StartsWith("Func`", StringComparison.Ordinal)
            && arguments.All(IsAllowedType);
    }

    private void Problem(string message)
    {
        if (!problems.Contains(message)) problems.Add(message);
    }

    private static string Describe(Type? type) => type is null ? "?" : type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>"
        : type.Name;
}

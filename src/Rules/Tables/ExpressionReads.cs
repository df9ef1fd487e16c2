using System.Linq.Expressions;

namespace RJH.DeviceWorkflows.Rules.Tables;

/// <summary>What a checked expression reads: the fact parts it needs, and the plain values an explanation shows.</summary>
internal sealed class ExpressionReads : ExpressionVisitor
{
    private readonly IReadOnlyList<ParameterExpression> parameters;
    private readonly SortedSet<int> parts = [];
    private readonly List<Expression> values = [];

    private ExpressionReads(IReadOnlyList<ParameterExpression> parameters) => this.parameters = parameters;

    /// <summary>Indexes of <paramref name="lambda"/>'s parameters its body uses.</summary>
    public static IReadOnlyList<int> Parts(LambdaExpression lambda)
    {
        var reads = new ExpressionReads(lambda.Parameters);
        reads.Visit(lambda.Body);
        return [.. reads.parts];
    }

    /// <summary>The fact fields (<c>employee.sharesExtension</c>) and plain parts (<c>urgent</c>) the body reads, each once.</summary>
    public static IReadOnlyList<SeenValue> Values(LambdaExpression lambda)
    {
        var reads = new ExpressionReads(lambda.Parameters);
        reads.Visit(lambda.Body);
        return reads.values.Select(v => new SeenValue(Label(v), Expression.Lambda(v, lambda.Parameters)))
            .DistinctBy(v => v.Label).ToList();
    }

    protected override Expression VisitParameter(ParameterExpression node)
    {
        var index = IndexOf(parameters, node);
        if (index >= 0)
        {
            parts.Add(index);
            if (Tables.ColumnKinds.Of(node.Type) is not null) values.Add(node);
        }
        return node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        // The longest chain from a part to a plain value: employee.sharesExtension, not employee alone.
        if (RootedInParameter(node) && ColumnKinds.Of(node.Type) is not null)
        {
            values.Add(node);
            Visit(Root(node));
            return node;
        }
        return base.VisitMember(node);
    }

    private static int IndexOf(IReadOnlyList<ParameterExpression> list, ParameterExpression node)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == node) return i;
        return -1;
    }

    private static bool RootedInParameter(MemberExpression node) => Root(node) is ParameterExpression;

    private static Expression? Root(MemberExpression node)
    {
        Expression? current = node;
        while (current is MemberExpression member) current = member.Expression;
        return current;
    }

    /// <summary>As written in a table: <c>employee.sharesExtension</c>, camelCase.</summary>
    public static string Label(Expression expression) => expression switch
    {
        ParameterExpression p => p.Name ?? "?",
        MemberExpression m when m.Expression is not null => Label(m.Expression) + "." + Camel(m.Member.Name),
        _ => expression.ToString(),
    };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

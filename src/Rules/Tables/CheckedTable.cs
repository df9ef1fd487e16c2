using System.Linq.Expressions;

namespace RJH.DeviceWorkflows.Rules.Tables;

/// <summary>
/// A table that passed every check, with each cell, condition and output as a checked expression tree over
/// the set's fact parts. <see cref="Rows"/> holds the enabled rows only, in table order.
/// </summary>
internal sealed record CheckedTable(DecisionTable Table, IReadOnlyList<CheckedRow> Rows);

/// <param name="Reads">Indexes of the fact parts the row's tests read; a row cannot be decided without them.</param>
internal sealed record CheckedRow(TableRow Row, IReadOnlyList<CheckedTest> Tests, IReadOnlyList<CheckedOutput> Outputs, IReadOnlyList<int> Reads);

/// <summary>
/// One test of a row: a cell (<see cref="Cell"/> is its column) or the extra condition ("condition"), with its
/// text as written and the values it reads, which an explanation shows.
/// </summary>
internal sealed record CheckedTest(string Cell, string Text, LambdaExpression Test, IReadOnlyList<SeenValue> Seen, IReadOnlyList<int> Reads);

internal sealed record SeenValue(string Label, LambdaExpression Value);

/// <summary>An output's value: <see cref="Literal"/> as written, or <see cref="Expression"/> over the facts.</summary>
internal sealed record CheckedOutput(string Name, string? Literal, LambdaExpression? Expression);

namespace RJH.DeviceWorkflows.Registry.Import;

/// <summary>
/// A row an import left alone, and why (in Swedish, naming the column). CSV rows count from the header,
/// which is row 1; in JSON the row is the 1-based position in its array and the column is "units.x" or "people.x".
/// </summary>
public sealed record ImportRefusal(int Row, string Column, string Reason);

/// <summary>An import row that fails a check; caught per row so the other rows go on.</summary>
internal sealed class RowRefusedException(string column, string reason) : Exception(reason)
{
    public string Column { get; } = column;

    public ImportRefusal At(int row) => new(row, Column, Message);
}

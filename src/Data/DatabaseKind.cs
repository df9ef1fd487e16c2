namespace RJH.DeviceWorkflows.Data;

/// <summary>The database products the product runs on.</summary>
public enum DatabaseKind { Sqlite, PostgreSql, SqlServer }

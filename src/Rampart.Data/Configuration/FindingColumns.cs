namespace Rampart.Data.Configuration;

/// <summary>Names of columns the model adds beside the Core properties (shadow properties).</summary>
public static class FindingColumns
{
    /// <summary>Severity as a number (Info 0 … Critical 4), computed by the database; read with EF.Property&lt;int&gt;.</summary>
    public const string SeverityRank = "SeverityRank";
}

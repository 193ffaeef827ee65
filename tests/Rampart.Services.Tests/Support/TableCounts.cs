namespace Rampart.Services.Tests.Support;

/// <summary>Row counts of the tables an import writes, to prove a failed import wrote nothing.</summary>
public sealed record TableCounts(int Assets, int Findings, int Observations, int Scans);

namespace Rampart.Core.Prioritization.Ssvc;

/// <summary>SSVC "Exploitation" (v1.1.0): the present state of exploitation, not a prediction.</summary>
public enum Exploitation
{
    /// <summary>No evidence of active exploitation and no public proof of concept.</summary>
    None,

    /// <summary>A public proof of concept, a well-known method of exploitation, or strong signals of it.</summary>
    PublicPoc,

    /// <summary>Reliable evidence that attackers exploit it (CISA KEV, CVSS v4 E:A).</summary>
    Active,
}

/// <summary>SSVC "Technical Impact" (v1.0.0): what the attacker gains over the vulnerable component.</summary>
public enum TechnicalImpact
{
    Partial,
    Total,
}

/// <summary>SSVC "Mission and Well-Being Impact" (v1.0.0), here derived from the asset's criticality and exposure.</summary>
public enum MissionImpact
{
    Low,
    Medium,
    High,
}

/// <summary>The outcome of CISA's SSVC tree (CISA Levels v1.1.0). Stored by name; TrackStar is "Track*".</summary>
public enum SsvcOutcome
{
    Track,
    TrackStar,
    Attend,
    Act,
}

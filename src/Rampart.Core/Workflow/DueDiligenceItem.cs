using Rampart.Core.Assets;

namespace Rampart.Core.Workflow;

/// <summary>
/// The application provider's due diligence on an upstream provider for one finding (AIS-07: "The AP is accountable for
/// carrying out the due diligence on its upstream providers"): who the vendor is, whom we contacted and when, what
/// they answered and when they will ship a fix.
/// </summary>
public sealed class DueDiligenceItem
{
    public long Id { get; set; }

    public long FindingId { get; set; }

    /// <summary>The upstream provider, from the asset ("OpenAI gpt-4o").</summary>
    public required string Vendor { get; set; }

    /// <summary>The parties AIS-07 makes accountable on the asset's layer.</summary>
    public SsrmParty AccountableParty { get; set; }

    public DueDiligenceStatus Status { get; set; }

    /// <summary>Whom we asked: an e-mail address, a support portal, a named person.</summary>
    public string? Contact { get; set; }

    public DateTimeOffset? ContactedAt { get; set; }

    public string? VendorAnswer { get; set; }

    /// <summary>The day the vendor says a fix ships, when given.</summary>
    public DateOnly? VendorFixDate { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }
}

public enum DueDiligenceStatus
{
    /// <summary>Opened; nobody has contacted the vendor yet.</summary>
    Open,

    VendorContacted,

    /// <summary>The vendor acknowledged and a fix is awaited (the SLA may pause, if the policy allows it).</summary>
    WaitingOnVendor,

    /// <summary>The vendor shipped a fix or a mitigation.</summary>
    VendorFixed,

    /// <summary>Nothing more is expected from the vendor (not affected upstream, or the finding is closed).</summary>
    Closed,
}

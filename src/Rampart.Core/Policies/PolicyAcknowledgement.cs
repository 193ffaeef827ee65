namespace Rampart.Core.Policies;

/// <summary>A signed-in person's acknowledgement that they read a published version (the text with this hash).</summary>
public sealed class PolicyAcknowledgement
{
    public long Id { get; set; }

    public long PolicyVersionId { get; set; }

    public required string UserName { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ContentHash { get; set; }
}

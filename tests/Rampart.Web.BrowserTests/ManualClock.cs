namespace Rampart.Web.BrowserTests;

/// <summary>The server's clock, moved by the test (it starts at the real time, so the browser's cookies are valid).</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

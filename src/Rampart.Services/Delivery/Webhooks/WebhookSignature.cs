using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rampart.Services.Delivery.Webhooks;

/// <summary>
/// The webhook signature: <c>X-Rampart-Signature: sha256=HEX</c> where HEX is the lower-case hex HMAC-SHA256, keyed
/// with the target's secret, of the UTF-8 bytes of <c>TIMESTAMP + "." + BODY</c>, TIMESTAMP being the value of
/// <c>X-Rampart-Timestamp</c> (Unix seconds) and BODY the raw request body. A receiver recomputes it over the bytes it
/// received, compares in constant time, and rejects a timestamp more than five minutes from its clock (a replay).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Rampart-Signature";
    public const string TimestampHeader = "X-Rampart-Timestamp";
    public const string DeliveryHeader = "X-Rampart-Delivery";
    public const string EventHeader = "X-Rampart-Event";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}

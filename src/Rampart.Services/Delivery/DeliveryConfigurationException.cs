namespace Rampart.Services.Delivery;

/// <summary>The delivery configuration is wrong; each problem names its setting. Nothing was sent or changed.</summary>
public sealed class DeliveryConfigurationException : Exception
{
    public DeliveryConfigurationException(IReadOnlyList<string> problems)
        : base("The delivery configuration is refused: " + string.Join(" ", problems))
    {
        Problems = problems;
    }

    public DeliveryConfigurationException()
        : this([])
    {
    }

    public DeliveryConfigurationException(string message)
        : this([message])
    {
    }

    public DeliveryConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}

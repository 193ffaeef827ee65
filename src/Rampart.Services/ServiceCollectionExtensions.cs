using Microsoft.Extensions.DependencyInjection;
using Rampart.Data;

namespace Rampart.Services;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the database (see <see cref="DatabaseTarget"/>), the use cases and TimeProvider.System (unless already registered).</summary>
    public static IServiceCollection AddRampartServices(this IServiceCollection services, DatabaseTarget target) =>
        throw new NotImplementedException();
}

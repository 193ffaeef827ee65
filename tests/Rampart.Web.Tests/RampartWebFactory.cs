using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Rampart.Testing;

namespace Rampart.Web.Tests;

/// <summary>The real Program on a TestServer, pointed at a fresh test database through the RAMPART_DB setting.</summary>
public sealed class RampartWebFactory(TestDatabase database, string dataDirectory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production"); // as deployed: no developer exception page
        builder.UseSetting(RampartWebApp.DatabaseSetting, database.Target.ConnectionString);
        builder.UseSetting(RampartWebApp.DataDirectorySetting, dataDirectory);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Rampart.Data;
using Rampart.Services.Delivery;
using Rampart.Web.Delivery;

namespace Rampart.Web.Tests;

public sealed class DeliveryScheduleTests
{
    [Fact]
    public async Task AddRampartDeliverySchedule_EnabledWithATracker_SchedulesBothJobsAtTheirIntervals()
    {
        var options = DeliverySettings.Read(Configuration(new()
        {
            ["Rampart:Delivery:Enabled"] = "true",
            ["Rampart:Delivery:Interval"] = "00:00:10",
            ["Rampart:Delivery:Tickets:Interval"] = "00:02:00",
            ["Rampart:Delivery:Tickets:GitHub:Repository"] = "acme/payments",
            ["Rampart:Delivery:Tickets:GitHub:Token"] = "t",
        }));
        await using var services = new ServiceCollection().AddLogging().AddRampartDeliverySchedule(options).BuildServiceProvider();

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var delivery = (ISimpleTrigger?)await scheduler.GetTrigger(new TriggerKey("notification-delivery-interval", "delivery"), TestContext.Current.CancellationToken);
        var tickets = (ISimpleTrigger?)await scheduler.GetTrigger(new TriggerKey("ticket-sync-interval", "delivery"), TestContext.Current.CancellationToken);

        Assert.Equal((NotificationDeliveryJob.Key, TimeSpan.FromSeconds(10)), (delivery!.JobKey, delivery.RepeatInterval));
        Assert.Equal((TicketSyncJob.Key, TimeSpan.FromMinutes(2)), (tickets!.JobKey, tickets.RepeatInterval));
        await scheduler.Shutdown(false, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AddRampartDeliverySchedule_NotEnabled_RegistersNoScheduler()
    {
        var options = DeliverySettings.Read(Configuration([]));
        await using var services = new ServiceCollection().AddLogging().AddRampartDeliverySchedule(options).BuildServiceProvider();

        Assert.Null(services.GetService<ISchedulerFactory>());
    }

    [Fact]
    public void Build_WebhookOutsideTheAllowList_RefusesToStartNamingTheSetting()
    {
        using var data = new Rampart.Testing.ScratchFolder();
        string[] args =
        [
            "--Rampart:Delivery:Webhooks:Targets:0:Name=ops",
            "--Rampart:Delivery:Webhooks:Targets:0:Url=https://attacker.example/hook",
            "--Rampart:Delivery:Webhooks:Targets:0:Format=slack",
        ];

        var refused = Assert.Throws<DeliveryConfigurationException>(() => RampartWebApp.Build(
            new RampartWebOptions
            {
                DataDirectory = data.Path,
                Database = new DatabaseTarget(DatabaseProvider.Sqlite, $"Data Source={System.IO.Path.Combine(data.Path, "r.db")}"),
            },
            args));

        Assert.Equal(
            ["Rampart:Delivery:Webhooks:Targets:0:Url: host attacker.example is not in Rampart:Delivery:Webhooks:AllowedHosts (empty); the webhook is refused and never called."],
            refused.Problems);
        Assert.False(File.Exists(System.IO.Path.Combine(data.Path, "r.db")), "nothing is created when the configuration is refused");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

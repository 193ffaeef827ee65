using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Findings;
using Rampart.Data;
using Rampart.Services.Imports;
using Rampart.Testing;

namespace Rampart.Services.Tests.Support;

/// <summary>
/// A migrated test database with the product's own service registrations and a fake clock. Each call runs in a
/// fresh DI scope, as a web request or CLI command would.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    /// <summary>The clock's start: 1 March 2025, noon UTC.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private ServiceHarness(TestDatabase database, ServiceProvider services, FakeClock clock)
    {
        _database = database;
        _services = services;
        Clock = clock;
    }

    public FakeClock Clock { get; }

    public DatabaseTarget Target => _database.Target;

    /// <param name="configure">Registrations made before the product's (which only add what is missing).</param>
    public static async Task<ServiceHarness> CreateAsync(DatabaseProvider provider, Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeClock(Start);
        var collection = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        configure?.Invoke(collection);
        var services = collection
            .AddRampartServices(database.Target)
            .BuildServiceProvider(validateScopes: true);
        var harness = new ServiceHarness(database, services, clock);
        await harness.WithDbAsync(db => DatabaseMigrator.MigrateAsync(db, TestContext.Current.CancellationToken));
        return harness;
    }

    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task RunAsync<TService>(Func<TService, Task> action)
        where TService : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<T> WithDbAsync<T>(Func<RampartDbContext, Task<T>> action) => RunAsync(action);

    public Task WithDbAsync(Func<RampartDbContext, Task> action) => RunAsync(action);

    public Task<ImportResult> ImportAsync(
        string asset, byte[] content, string fileName, ReportFormat format = ReportFormat.Auto, DateTimeOffset? scanDate = null, string? scope = null) =>
        RunAsync<ImportService, ImportResult>(async service =>
        {
            await using var stream = new MemoryStream(content, writable: false);
            return await service.ImportAsync(
                new ImportRequest(asset, stream, fileName, format, scanDate, "tester", scope), cancellationToken: TestContext.Current.CancellationToken);
        });

    /// <summary>Imports a corpus file in place (opened read-only, never copied).</summary>
    public Task<ImportResult> ImportCorpusAsync(string asset, string corpusPath, DateTimeOffset? scanDate = null) =>
        RunAsync<ImportService, ImportResult>(async service =>
        {
            await using var stream = File.OpenRead(Corpus.File(corpusPath));
            return await service.ImportAsync(
                new ImportRequest(asset, stream, corpusPath, ReportFormat.Auto, scanDate, "tester"), cancellationToken: TestContext.Current.CancellationToken);
        });

    /// <summary>Last seen as the product shows it (the stored date, or the latest scan of a source still reporting it).</summary>
    public async Task<DateTimeOffset> LastSeenAsync(long findingId) =>
        (await RunAsync<Rampart.Services.Findings.FindingQueries, Rampart.Services.Findings.FindingDetail?>(
            q => q.GetAsync(findingId, TestContext.Current.CancellationToken)))!.Summary.LastSeen;

    public Task<TableCounts> CountAsync() => WithDbAsync(async db => new TableCounts(
        await db.Assets.CountAsync(TestContext.Current.CancellationToken),
        await db.Findings.CountAsync(TestContext.Current.CancellationToken),
        await db.Observations.CountAsync(TestContext.Current.CancellationToken),
        await db.Scans.CountAsync(TestContext.Current.CancellationToken)));

    public Task<List<Finding>> FindingsAsync(string asset) => WithDbAsync(db => db.Findings.AsNoTracking()
        .Where(f => f.Asset!.Name == asset)
        .OrderBy(f => f.Id)
        .ToListAsync(TestContext.Current.CancellationToken));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}

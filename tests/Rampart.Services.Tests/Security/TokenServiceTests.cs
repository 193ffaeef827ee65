using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Services.Security;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Security;

public sealed class TokenServiceTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAsync_StoresOnlyTheHashAndAPrefix(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        var created = await CreateAsync(harness, "ci");

        // "rpt_" + base64url of 32 bytes (43 characters, no padding).
        Assert.Matches("^rpt_[A-Za-z0-9_-]{43}$", created.Token);
        var stored = await harness.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(created.Token))), stored.Hash);
        Assert.Equal(created.Token[..8], stored.Prefix);
        Assert.DoesNotContain(created.Token, $"{stored.Name}|{stored.Prefix}|{stored.Hash}", StringComparison.Ordinal);
        Assert.Equal(ServiceHarness.Start, stored.CreatedAt);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ValidateAsync_ValidWrongAndRevoked(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var created = await CreateAsync(harness, "ci");

        var valid = await ValidateAsync(harness, created.Token);
        var wrong = await ValidateAsync(harness, created.Token[..^1] + (created.Token[^1] == 'A' ? 'B' : 'A'));
        var garbage = await ValidateAsync(harness, "Bearer nonsense");
        await harness.WithDbAsync(db => db.ApiTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, ServiceHarness.Start), TestContext.Current.CancellationToken));
        var revoked = await ValidateAsync(harness, created.Token);

        Assert.Equal(created.Id, valid?.Id);
        Assert.Null(wrong);
        Assert.Null(garbage);
        Assert.Null(revoked);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ValidateAsync_RecordsLastUseAtMostOncePerMinute(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var created = await CreateAsync(harness, "ci");

        await ValidateAsync(harness, created.Token);
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        await ValidateAsync(harness, created.Token);
        var afterThirtySeconds = await LastUsedAsync(harness);
        harness.Clock.Advance(TimeSpan.FromSeconds(31));
        await ValidateAsync(harness, created.Token);
        var afterSixtyOneSeconds = await LastUsedAsync(harness);

        Assert.Equal(ServiceHarness.Start, afterThirtySeconds);
        Assert.Equal(ServiceHarness.Start.AddSeconds(61), afterSixtyOneSeconds);
    }

    private static Task<CreatedToken> CreateAsync(ServiceHarness harness, string name) =>
        harness.RunAsync<TokenService, CreatedToken>(s => s.CreateAsync(name, TestContext.Current.CancellationToken));

    private static Task<ApiToken?> ValidateAsync(ServiceHarness harness, string token) =>
        harness.RunAsync<TokenService, ApiToken?>(s => s.ValidateAsync(token, TestContext.Current.CancellationToken));

    private static Task<DateTimeOffset?> LastUsedAsync(ServiceHarness harness) =>
        harness.WithDbAsync(db => db.ApiTokens.AsNoTracking().Select(t => t.LastUsedAt).SingleAsync(TestContext.Current.CancellationToken));
}

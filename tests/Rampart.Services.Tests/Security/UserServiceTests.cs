using Microsoft.EntityFrameworkCore;
using Rampart.Core.Security;
using Rampart.Data;
using Rampart.Services.Security;
using Rampart.Services.Tests.Support;
using Rampart.Testing;

namespace Rampart.Services.Tests.Security;

public sealed class UserServiceTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EnsureAdminAsync_EmptyDatabase_CreatesAdminOnce(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);

        var first = await harness.RunAsync<UserService, string?>(s => s.EnsureAdminAsync(TestContext.Current.CancellationToken));
        var second = await harness.RunAsync<UserService, string?>(s => s.EnsureAdminAsync(TestContext.Current.CancellationToken));

        Assert.NotNull(first);
        Assert.Equal(20, first.Length);
        Assert.Null(second);
        var admin = await harness.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("admin", true, true), (admin.UserName, admin.IsAdmin, admin.MustChangePassword));
        Assert.DoesNotContain(first, admin.PasswordHash, StringComparison.Ordinal);
        Assert.NotNull(await VerifyAsync(harness, "admin", first));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EnsureAdminAsync_AUserExists_CreatesNobody(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.RunAsync<UserService, User>(s => s.CreateAsync("alice", "correct horse battery", isAdmin: false, TestContext.Current.CancellationToken));

        var password = await harness.RunAsync<UserService, string?>(s => s.EnsureAdminAsync(TestContext.Current.CancellationToken));

        Assert.Null(password);
        Assert.Equal(1, await harness.WithDbAsync(db => db.Users.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task VerifyAsync_RightWrongAndUnknown(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        await harness.RunAsync<UserService, User>(s => s.CreateAsync("alice", "correct horse battery", isAdmin: false, TestContext.Current.CancellationToken));

        Assert.Equal("alice", (await VerifyAsync(harness, "alice", "correct horse battery"))?.UserName);
        Assert.Null(await VerifyAsync(harness, "alice", "Correct horse battery"));
        Assert.Null(await VerifyAsync(harness, "bob", "correct horse battery"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChangePasswordAsync_LongEnough_ReplacesPasswordAndClearsFlag(DatabaseProvider provider)
    {
        await using var harness = await ServiceHarness.CreateAsync(provider);
        var first = (await harness.RunAsync<UserService, string?>(s => s.EnsureAdminAsync(TestContext.Current.CancellationToken)))!;
        var admin = (await VerifyAsync(harness, "admin", first))!;

        await Assert.ThrowsAsync<ArgumentException>(() =>
            harness.RunAsync<UserService>(s => s.ChangePasswordAsync(admin.Id, "short-11chr", TestContext.Current.CancellationToken)));
        await harness.RunAsync<UserService>(s => s.ChangePasswordAsync(admin.Id, "a-new-12char", TestContext.Current.CancellationToken));

        Assert.Null(await VerifyAsync(harness, "admin", first));
        var changed = await VerifyAsync(harness, "admin", "a-new-12char");
        Assert.NotNull(changed);
        Assert.False(changed.MustChangePassword);
    }

    private static Task<User?> VerifyAsync(ServiceHarness harness, string userName, string password) =>
        harness.RunAsync<UserService, User?>(s => s.VerifyAsync(userName, password, TestContext.Current.CancellationToken));
}

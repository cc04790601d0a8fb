using Annotate.Sessions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Annotate.BrowserTests.Infrastructure;

/// <summary>
/// A server as a class reaches it over the network (Annotate:LocalMode=false): accounts and class codes only, no
/// display-name sign-in, so roles decide what each page offers. Its fixture client is a server owner's account.
/// </summary>
public sealed class NetworkServer : AnnotateServer
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Annotate:LocalMode", "false");
    }

    protected override async Task<object> FixtureSignInAsync()
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserStore>();
        await users.CreateAccountAsync("fixture", "Test fixture", Passwords.Hash("fixture-password"), serverOwner: true, CancellationToken.None);
        return new { userName = "fixture", password = "fixture-password" };
    }
}

[CollectionDefinition(Name)]
public sealed class NetworkCollection : ICollectionFixture<NetworkServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Network server";
}

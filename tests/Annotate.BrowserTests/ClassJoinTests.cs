using Annotate.BrowserTests.Infrastructure;
using Annotate.BrowserTests.Pages;
using Annotate.Classroom;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Annotate.BrowserTests;

/// <summary>Two students of one name join a class from phones: the second is told, before going on, the name they have there.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClassJoinTests(AnnotateServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_Second_Student_Of_The_Same_Name_Is_Told_They_Are_Name_2_Before_Going_On()
    {
        using var scope = server.Services.CreateScope();
        var code = (await scope.ServiceProvider.GetRequiredService<ClassroomStore>().StartAsync("default", CancellationToken.None)).Code;
        var name = $"Ana {Guid.NewGuid():N}"[..10];
        await using var first = await browser.OpenPhoneAsync(server.BaseAddress);
        await using var second = await browser.OpenPhoneAsync(server.BaseAddress);
        await new JoinPage(first.Page).JoinAsync(code, name);

        // Act: the same name, typed in another case with spaces around it.
        var join = await new JoinPage(second.Page).OpenAsync(code);
        await join.DisplayName.FillAsync($"  {name.ToUpperInvariant()} ");
        await join.JoinButton.TapAsync();

        // Assert
        var renamed = second.Page.GetByTestId("join-renamed");
        await Expect(renamed).ToContainTextAsync($"you are “{name.ToUpperInvariant()} (2)” here");
        await second.Page.GetByTestId("join-continue").TapAsync();
        await Expect(join.SignedInName).ToHaveTextAsync($"{name.ToUpperInvariant()} (2)");
        Assert.Empty(second.ConsoleErrors);
    }
}

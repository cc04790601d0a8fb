using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Security;

/// <summary>
/// Personal links (tickets) as a way into other people's accounts: an owner of one project tries to add the server
/// owner, or another project's people, to their project and issue themselves a link that signs in as them.
/// </summary>
public sealed class TicketTakeoverTests : IDisposable
{
    private readonly AnnotateApp app = AnnotateApp.NetworkServer();
    private readonly SecurityServer server;

    public TicketTakeoverTests() => server = new SecurityServer(app);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task An_Owner_Cannot_Issue_A_Ticket_For_An_Account_With_A_Password()
    {
        var (_, olgaId) = await server.ServerOwnerAsync();
        var (mallory, _) = await server.OtherProjectOwnerAsync();

        // The attack of issue 12: pull the server owner into one's own project, then mint a link for her.
        var added = await mallory.PutAsJsonAsync($"/api/projects/wire-class/members/{olgaId}", new { role = "annotator" });
        var unknown = await mallory.PutAsJsonAsync($"/api/projects/wire-class/members/{Guid.NewGuid()}", new { role = "annotator" });
        // Even when she really is an annotator there (added by the command line), she has a password: no link.
        await server.AddMemberAsync("wire-class", "olga", "annotator");
        var ticket = await mallory.PostAsync($"/api/projects/wire-class/class/students/{olgaId}/ticket", null);

        Assert.Equal(HttpStatusCode.NotFound, added.StatusCode);
        var addedText = await added.Content.ReadAsStringAsync();
        Assert.DoesNotContain("olga", addedText, StringComparison.OrdinalIgnoreCase); // her user name is not revealed
        Assert.Equal((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
            JsonDocument.Parse(addedText).RootElement.GetProperty("title").GetString()); // indistinguishable from an unknown id
        Assert.Equal(HttpStatusCode.NotFound, ticket.StatusCode);
        Assert.DoesNotContain("\"ticket\"", await ticket.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Owner_Cannot_Issue_A_Ticket_For_A_Student_Of_Another_Projects_Class()
    {
        var (olga, _) = await server.ServerOwnerAsync();
        var (mallory, malloryId) = await server.OtherProjectOwnerAsync();
        var (anaId, _) = (await SecurityServer.AddStudentsAsync(olga, "default", "Ana")).Single();
        var (_, malloryStudentTicket) = (await SecurityServer.AddStudentsAsync(mallory, "wire-class", "Max")).Single();

        // A server owner who also owns Mallory's project may add anyone to it; suppose Ana takes part there too.
        await server.AddMemberAsync("wire-class", "olga", "owner");
        (await olga.PutAsJsonAsync($"/api/projects/wire-class/members/{anaId}", new { role = "annotator" })).EnsureSuccessStatusCode();
        var forAna = await mallory.PostAsync($"/api/projects/wire-class/class/students/{anaId}/ticket", null);
        var forHimself = await mallory.PostAsync($"/api/projects/wire-class/class/students/{malloryId}/ticket", null);
        var ownStudent = await server.RedeemAsync(malloryStudentTicket);

        Assert.Equal(HttpStatusCode.NotFound, forAna.StatusCode);
        Assert.Contains("not a student of this project's class", await forAna.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, forHimself.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownStudent.StatusCode); // his own class's students still get their links
    }

    [Fact]
    public async Task A_Ticket_Stops_Signing_In_Once_Its_Student_Belongs_To_Another_Project()
    {
        var (olga, _) = await server.ServerOwnerAsync();
        await server.OtherProjectOwnerAsync();
        var students = await SecurityServer.AddStudentsAsync(olga, "default", "Ana", "Ben");
        var (anaId, anaTicket) = students[0];
        await server.AddMemberAsync("wire-class", "olga", "owner");

        (await olga.PutAsJsonAsync($"/api/projects/wire-class/members/{anaId}", new { role = "annotator" })).EnsureSuccessStatusCode();
        var redeemed = await server.RedeemAsync(anaTicket);
        var reissued = await olga.PostAsync($"/api/projects/default/class/students/{anaId}/ticket", null);
        var benStill = await server.RedeemAsync(students[1].Ticket);

        // Whoever can sign in as Ana would now reach another project too: her link no longer works at all.
        Assert.Equal(HttpStatusCode.NotFound, redeemed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reissued.StatusCode);
        Assert.Equal(HttpStatusCode.OK, benStill.StatusCode);
    }

    [Fact]
    public async Task A_Student_Who_Joined_By_Code_Can_Get_A_Personal_Link_From_Their_Teacher()
    {
        var (olga, _) = await server.ServerOwnerAsync();
        var code = (await (await olga.PostAsync("/api/projects/default/class", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var joined = await app.AnonymousClient().PostAsJsonAsync("/api/session/join", new { code, displayName = "Cat" });
        var catId = (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString()!;

        var ticket = await olga.PostAsync($"/api/projects/default/class/students/{catId}/ticket", null);
        var redeemed = await server.RedeemAsync((await ticket.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket").GetString()!);

        Assert.Equal(HttpStatusCode.OK, ticket.StatusCode);
        Assert.Equal(catId, (await redeemed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString());
    }
}

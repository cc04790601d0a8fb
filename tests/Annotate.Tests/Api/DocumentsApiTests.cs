using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Annotate.Corpus;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Api;

/// <summary>The JSON API over a real port, on the bundled corpus.</summary>
public sealed class DocumentsApiTests(AnnotateApp app) : IClassFixture<AnnotateApp>
{
    private const string GreekArticle = "aldmere-broadcasting.2026-03-13-rensfeld-deal-greek-service";
    private const string EmojiArticle = "highland-monitor.2026-03-07-sarn-pass-social-media-reactions";

    [Fact]
    public async Task Lists_Every_Bundled_Article_With_Its_Metadata()
    {
        var client = await app.SignedInClientAsync();

        var list = await client.GetFromJsonAsync<DocumentList>("/api/documents");

        Assert.True(list!.Total >= 9);
        Assert.Equal(list.Total, list.Items.Count);
        Assert.True(list.Items.Select(d => d.Outlet).Distinct().Count() >= 3);
        Assert.Contains(list.Items, d => d.Language == "el");
        Assert.Contains(list.Items, d => d.Path.EndsWith(".txt", StringComparison.Ordinal));
        Assert.All(list.Items, d => Assert.True(d.WordCount > 0 && d.Version == 1));
    }

    [Fact]
    public async Task Filters_By_Search_Term_Collection_Language_And_Tag()
    {
        var client = await app.SignedInClientAsync();

        var byOutlet = await client.GetFromJsonAsync<DocumentList>("/api/documents?q=dalmor%20standard");
        var byCollection = await client.GetFromJsonAsync<DocumentList>("/api/documents?collection=varenia-voice");
        var greek = await client.GetFromJsonAsync<DocumentList>("/api/documents?language=el");
        var byTag = await client.GetFromJsonAsync<DocumentList>("/api/documents?tag=SARN-PASS");
        var nothing = await client.GetFromJsonAsync<DocumentList>("/api/documents?q=zzzz-no-such-thing");

        Assert.NotEmpty(byOutlet!.Items);
        Assert.All(byOutlet.Items, d => Assert.Equal("The Dalmor Standard", d.Outlet));
        Assert.NotEmpty(byCollection!.Items);
        Assert.All(byCollection.Items, d => Assert.Equal("varenia-voice", d.Collection));
        Assert.Equal(GreekArticle, Assert.Single(greek!.Items).Id);
        Assert.True(byTag!.Total >= 5);
        Assert.Empty(nothing!.Items);
    }

    [Fact]
    public async Task Search_Ignores_Case_And_Accents_In_Any_Script()
    {
        var client = await app.SignedInClientAsync();
        var greekTitle = (await client.GetFromJsonAsync<DocumentList>("/api/documents?language=el"))!.Items[0].Title;
        var firstWord = greekTitle.Split(' ')[0];

        var found = await client.GetFromJsonAsync<DocumentList>("/api/documents?q=" + Uri.EscapeDataString(firstWord.ToUpperInvariant()));

        Assert.Contains(found!.Items, d => d.Id == GreekArticle);
    }

    [Fact]
    public async Task One_Document_Has_Text_Blocks_And_Html_That_Agree()
    {
        var client = await app.SignedInClientAsync();

        var document = await client.GetFromJsonAsync<DocumentDetail>($"/api/documents/{EmojiArticle}");

        Assert.Equal(EmojiArticle, document!.Id);
        Assert.Contains("🚧", document.Text, StringComparison.Ordinal);
        var htmlBlocks = HtmlBlocks.TextByBlock(document.Html);
        Assert.Equal(document.Blocks.Count, htmlBlocks.Count);
        Assert.All(document.Blocks, b => Assert.Equal(document.Text[b.Start..b.End], htmlBlocks[b.Index]));
        Assert.Equal(64, document.ContentHash.Length);
        Assert.Equal(JsonValueKind.Object, document.Metadata.ValueKind);
    }

    [Fact]
    public async Task Every_Bundled_Article_Renders_Html_Whose_Blocks_Match_Its_Text()
    {
        var client = await app.SignedInClientAsync();
        var list = await client.GetFromJsonAsync<DocumentList>("/api/documents");

        foreach (var summary in list!.Items)
        {
            var document = await client.GetFromJsonAsync<DocumentDetail>($"/api/documents/{summary.Id}");
            var htmlBlocks = HtmlBlocks.TextByBlock(document!.Html);
            Assert.Equal(document.Blocks.Count, htmlBlocks.Count);
            Assert.All(document.Blocks, b => Assert.Equal(document.Text[b.Start..b.End], htmlBlocks[b.Index]));
            Assert.True(document.Text.IsNormalized(System.Text.NormalizationForm.FormC), summary.Id);
        }
    }

    [Fact]
    public async Task A_Document_Names_The_Codebook_That_Applies_To_It()
    {
        var client = await app.SignedInClientAsync();

        var document = await client.GetFromJsonAsync<DocumentDetail>($"/api/documents/{GreekArticle}");

        Assert.Equal(new CodebookRef("", 1), document!.Codebook);
    }

    [Fact]
    public async Task Json_Answers_Are_Compressed_When_The_Client_Accepts_It()
    {
        var client = await app.SignedInClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/documents/{EmojiArticle}");
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var response = await client.SendAsync(request);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Versions_Lists_The_Stored_Versions()
    {
        var client = await app.SignedInClientAsync();

        var versions = await client.GetFromJsonAsync<List<DocumentVersionInfo>>($"/api/documents/{GreekArticle}/versions");

        Assert.Equal(1, Assert.Single(versions!).Version);
    }

    [Theory]
    [InlineData("/api/documents/no-such-document")]
    [InlineData("/api/documents/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/documents/highland-monitor.2026-03-07-sarn-pass-social-media-reactions?version=99")]
    [InlineData("/api/documents/no-such-document/versions")]
    public async Task Unknown_Documents_Answer_404_ProblemDetails(string url)
    {
        var client = await app.SignedInClientAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Overlong_Filters_Answer_400_With_The_Field_Named()
    {
        var client = await app.SignedInClientAsync();

        var response = await client.GetAsync("/api/documents?q=" + new string('a', 300));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
    }

    [Fact]
    public async Task Collections_Count_Their_Documents()
    {
        var client = await app.SignedInClientAsync();

        var collections = await client.GetFromJsonAsync<List<CollectionInfo>>("/api/collections");

        Assert.Contains(collections!, c => c.Path == "wire" && c.DocumentCount == 1);
        Assert.True(collections!.Count >= 4);
    }

    [Fact]
    public async Task The_Bundled_Corpus_Loads_Without_Problems_And_Its_Codebook_Is_Served()
    {
        var client = await app.SignedInClientAsync();

        var status = await client.GetFromJsonAsync<CorpusStatusSnapshot>("/api/corpus/status");
        var codebooks = await client.GetFromJsonAsync<JsonElement>("/api/codebooks");

        Assert.Empty(status!.Problems);
        Assert.Equal(status.Total, status.Processed);
        var layers = codebooks[0].GetProperty("codebook").GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList();
        Assert.Contains("frame", layers);
        Assert.Contains("claim", layers);
        Assert.Contains(codebooks[0].GetProperty("codebook").GetProperty("layers").EnumerateArray(), l => l.GetProperty("scope").GetString() == "document");
    }
}

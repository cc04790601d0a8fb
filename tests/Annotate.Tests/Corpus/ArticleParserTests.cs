using System.Text;
using Annotate.Corpus;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Corpus;

public class ArticleParserTests
{
    private static ParsedArticle Parse(string source, string path = "outlet/article.md") => ArticleParser.Parse(path, Encoding.UTF8.GetBytes(source));

    [Fact]
    public void Front_Matter_Keys_Become_Metadata_And_Unknown_Keys_Are_Kept()
    {
        var article = Parse("""
            ---
            title: "Sarn Pass closed"
            outlet: The Dalmor Standard
            author: Mira Holt
            date: 2026-03-04
            url: https://example.org/a
            language: en
            tags: [sarn-pass, trade]
            section: World
            sources: [one, two]
            ---
            The road is shut.
            """);

        var metadata = article.Metadata;
        Assert.Equal("Sarn Pass closed", metadata.Title);
        Assert.Equal("The Dalmor Standard", metadata.Outlet);
        Assert.Equal("Mira Holt", metadata.Author);
        Assert.Equal("2026-03-04", metadata.Date);
        Assert.Equal("https://example.org/a", metadata.Url);
        Assert.Equal("en", metadata.Language);
        Assert.Equal(["sarn-pass", "trade"], metadata.Tags);
        Assert.Equal("World", metadata.Extra["section"]);
        Assert.Equal(new List<object?> { "one", "two" }, metadata.Extra["sources"]);
        Assert.Equal("The road is shut.", article.Text.Text);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Markdown_Syntax_Is_Removed_And_Blocks_Are_Separated_By_A_Blank_Line()
    {
        var article = Parse("""
            # Road *closed*

            Drivers call it a **blockade**; see [the report](https://example.org/r).
            Second line of the same paragraph.

            > "It is a protest," she said.

            - first point
            - second `point`

            ```
            code line 1
            code line 2
            ```
            """);

        Assert.Equal(
            "Road closed\n\nDrivers call it a blockade; see the report. Second line of the same paragraph.\n\n"
            + "\"It is a protest,\" she said.\n\nfirst point\n\nsecond point\n\ncode line 1\ncode line 2",
            article.Text.Text);
        Assert.Equal(["heading", "paragraph", "quote", "listItem", "listItem", "code"], article.Text.Blocks.Select(b => b.Kind));
        Assert.Equal(1, article.Text.Blocks[0].Level);
        foreach (var block in article.Text.Blocks)
        {
            Assert.False(article.Text.Text[block.Start..block.End].StartsWith('\n'));
        }
    }

    [Fact]
    public void Text_Is_Unicode_NFC_With_Newline_Line_Ends()
    {
        // "Čelmar" written with a combining caron (C + U+030C), and Windows line ends.
        var article = Parse("---\r\ntitle: T\r\n---\r\nC\u030Celmar and Ñ\r\nsecond line\r\n\r\nNext.\r\n");

        Assert.Equal("\u010Celmar and Ñ second line\n\nNext.", article.Text.Text);
        Assert.True(article.Text.Text.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain('\r', article.Text.Text);
    }

    [Fact]
    public void Combining_Marks_Without_A_Precomposed_Form_Stay_With_Their_Base_Letter()
    {
        // q + combining dot below has no precomposed character: NFC keeps two code units, in order.
        var article = Parse("Say q\u0323 here.");

        Assert.Equal("Say q\u0323 here.", article.Text.Text);
        Assert.Equal(12, article.Text.Text.Length);
    }

    [Fact]
    public void Offsets_Count_UTF16_Code_Units_So_Non_BMP_Characters_Count_Twice()
    {
        var article = Parse("# 🚧 Closed\n\nThe 𝐏𝐚𝐬𝐬 and 👨‍👩‍👧 posts.");

        var blocks = article.Text.Blocks;
        Assert.Equal("🚧 Closed", article.Text.Text[blocks[0].Start..blocks[0].End]);
        Assert.Equal(9, blocks[0].End); // 🚧 is a surrogate pair: 2 + " Closed" (7)
        Assert.Equal(11, blocks[1].Start);
        Assert.Equal("The 𝐏𝐚𝐬𝐬 and 👨‍👩‍👧 posts.", article.Text.Text[blocks[1].Start..blocks[1].End]);
        Assert.Equal(blocks[1].Start + 4, article.Text.Text.IndexOf("𝐏", StringComparison.Ordinal));
    }

    [Fact]
    public void Rendered_Html_Has_Exactly_The_Canonical_Text_In_Every_Block()
    {
        const string markdown = "# T&amp;C\n\nA *b* **c** `d` [e](https://example.org) ~~f~~  \nhard break & <script>x</script>\n\n| h1 | h2 |\n|----|----|\n| 🚧 | é |\n";
        var (text, html) = ArticleRenderer.ToHtml(markdown, ArticleFormat.Markdown);
        var sanitised = new ArticleHtml().Sanitize(html);

        var blocks = HtmlBlocks.TextByBlock(sanitised);
        Assert.Equal(text.Blocks.Count, blocks.Count);
        foreach (var block in text.Blocks)
        {
            Assert.Equal(text.Text[block.Start..block.End], blocks[block.Index]);
        }

        Assert.Contains("hard break & <script>x</script>", text.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", sanitised, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    public void Unsafe_Links_Are_Neutralised(string markdown)
    {
        var (_, html) = ArticleRenderer.ToHtml(markdown, ArticleFormat.Markdown);
        var sanitised = new ArticleHtml().Sanitize(html);

        // The words may stay visible as text; what matters is that nothing links to them.
        Assert.DoesNotContain("href", sanitised, StringComparison.Ordinal);
        Assert.DoesNotContain("<a", sanitised, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_Html_Is_Shown_As_Text_Never_As_Markup()
    {
        var (text, html) = ArticleRenderer.ToHtml("<img src=x onerror=alert(1)>\n\n<b onclick=\"x()\">bold</b>", ArticleFormat.Markdown);
        var sanitised = new ArticleHtml().Sanitize(html);

        Assert.Contains("<img src=x onerror=alert(1)>", text.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", sanitised, StringComparison.Ordinal);
        Assert.DoesNotContain("<b ", sanitised, StringComparison.Ordinal);
        Assert.Contains("&lt;img", sanitised, StringComparison.Ordinal);
    }

    [Fact]
    public void Safe_Links_Keep_Their_Address_And_Gain_Rel_Noopener()
    {
        var (_, html) = ArticleRenderer.ToHtml("See [the report](https://example.org/r?a=1&b=2).", ArticleFormat.Markdown);
        var sanitised = new ArticleHtml().Sanitize(html);

        Assert.Contains("href=\"https://example.org/r?a=1&amp;b=2\"", sanitised, StringComparison.Ordinal);
        Assert.Contains("noopener", sanitised, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_Text_Files_Keep_Their_Lines_And_Take_The_First_Line_As_Title()
    {
        var article = Parse("Convoy crosses pass\n\nFirst paragraph\nwrapped here.\n\nSecond.", "wire/brief.txt");

        Assert.Equal("Convoy crosses pass", article.Metadata.Title);
        Assert.Equal("Convoy crosses pass\n\nFirst paragraph\nwrapped here.\n\nSecond.", article.Text.Text);
        Assert.Equal(3, article.Text.Blocks.Count);
    }

    [Fact]
    public void Without_A_Title_The_First_Heading_Or_The_File_Name_Is_Used()
    {
        Assert.Equal("Big news", Parse("Intro.\n\n## Big news\n\nMore.").Metadata.Title);
        Assert.Equal("road closed today", Parse("Just text.", "x/road-closed_today.md").Metadata.Title);
    }

    [Fact]
    public void Malformed_Optional_Metadata_Is_A_Warning_Not_A_Failure()
    {
        var article = Parse("---\ntitle: T\ndate: next tuesday\nurl: javascript:alert(1)\nlanguage: English!\ntags: {a: b}\n---\nBody.");

        Assert.Null(article.Metadata.Date);
        Assert.Null(article.Metadata.Url);
        Assert.Null(article.Metadata.Language);
        Assert.Empty(article.Metadata.Tags);
        Assert.Equal(4, article.Warnings.Count);
        Assert.Contains(article.Warnings, w => w.Contains("next tuesday", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Content_Hash_Depends_On_The_Text_Only()
    {
        var first = Parse("---\ntitle: A\n---\nSame *text*.");
        var second = Parse("---\ntitle: B\n---\nSame _text_.");
        var third = Parse("---\ntitle: A\n---\nOther text.");

        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.NotEqual(first.ContentHash, third.ContentHash);
        Assert.NotEqual(first.SourceHash, second.SourceHash);
    }
}

public class ArticleParserEdgeCaseTests
{
    private static ParsedArticle Parse(string source, string path = "outlet/article.md") => ArticleParser.Parse(path, Encoding.UTF8.GetBytes(source));

    private static void AssertHtmlMatchesText(string markdown)
    {
        var (text, html) = ArticleRenderer.ToHtml(markdown, ArticleFormat.Markdown);
        var blocks = HtmlBlocks.TextByBlock(new ArticleHtml().Sanitize(html));
        Assert.All(text.Blocks, b => Assert.Equal(text.Text[b.Start..b.End], blocks[b.Index]));
        Assert.True(text.Text.IsNormalized(NormalizationForm.FormC));
        Assert.DoesNotContain('\r', text.Text);
    }

    [Theory]
    [InlineData("a&#13;b")]
    [InlineData("*e*\u0301 and e&#x301;")]
    [InlineData("[x <http://a.example> y](http://b.example)")]
    [InlineData("- a\n  > quoted *in* a list\n\n  more")]
    [InlineData("Setext\n======\n\ntext\\\nafter a backslash break")]
    public void Html_Matches_Text_In_Edge_Cases(string markdown) => AssertHtmlMatchesText(markdown);

    [Fact]
    public void Carriage_Returns_From_Entities_Become_Line_Feeds()
    {
        Assert.Equal("a\nb", Parse("a&#13;b").Text.Text);
    }

    [Fact]
    public void Markup_That_Splits_A_Combining_Sequence_Still_Gives_NFC_Text()
    {
        Assert.Equal("\u00e9 x", Parse("*e*\u0301 x").Text.Text);
    }

    [Fact]
    public void Nested_Links_Do_Not_Nest_Anchors()
    {
        var (_, html) = ArticleRenderer.ToHtml("[x <http://a.example> y](http://b.example)", ArticleFormat.Markdown);

        Assert.Equal(1, html.Split("<a ").Length - 1);
    }

    [Fact]
    public void Empty_Table_Cells_Keep_The_Columns_In_Place()
    {
        var (text, html) = ArticleRenderer.ToHtml("|a|b|c|\n|-|-|-|\n| |y|z|", ArticleFormat.Markdown);

        Assert.Contains("<td></td><td data-block", html, StringComparison.Ordinal);
        Assert.Equal(5, text.Blocks.Count);
    }

    [Fact]
    public void Front_Matter_Keys_Are_Case_Insensitive()
    {
        var article = Parse("---\nTitle: Real Title\nDate: 2026-01-02\nOutlet: X\n---\nBody.");

        Assert.Equal("Real Title", article.Metadata.Title);
        Assert.Equal("2026-01-02", article.Metadata.Date);
        Assert.Empty(article.Metadata.Extra);
    }

    [Theory]
    [InlineData("03/04/2026")]
    [InlineData("March 4")]
    [InlineData("2026-13-01")]
    public void Ambiguous_Or_Invalid_Dates_Are_Warnings_Not_Guesses(string date)
    {
        var article = Parse($"---\ntitle: T\ndate: {date}\n---\nBody.");

        Assert.Null(article.Metadata.Date);
        Assert.Single(article.Warnings);
    }

    [Fact]
    public void An_Iso_Date_Time_Keeps_Its_Date()
    {
        Assert.Equal("2026-03-04", Parse("---\ntitle: T\ndate: 2026-03-04T10:30:00Z\n---\nBody.").Metadata.Date);
    }

    [Fact]
    public void Error_Offsets_Count_The_Byte_Order_Mark()
    {
        var error = Assert.Throws<CorpusFileException>(() => ArticleParser.Parse("a.md", [0xEF, 0xBB, 0xBF, 0x61, 0x62, 0xFF]));

        Assert.Contains("byte 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_Front_Matter_Line_May_Have_Trailing_Spaces()
    {
        Assert.Equal("X", Parse("--- \ntitle: X\n---\nBody.").Metadata.Title);
    }

    [Fact]
    public void A_Long_Title_Is_Cut_Without_Splitting_A_Surrogate_Pair()
    {
        var title = Parse(new string('a', 199) + "😀" + new string('b', 20), "x/a.txt").Metadata.Title;

        Assert.True(title.EnumerateRunes().All(r => r.Value != 0xFFFD));
        Assert.False(char.IsHighSurrogate(title[^2]));
    }

    [Fact]
    public void Non_Scalar_Front_Matter_Keys_Are_Refused()
    {
        var error = Assert.Throws<CorpusFileException>(() => Parse("---\n? [a, b]\n: value\n---\nBody."));

        Assert.Equal("front-matter", error.Code);
    }
}

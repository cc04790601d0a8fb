using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Annotate.Corpus;

/// <summary>An article read from its file: metadata, the body it was rendered from, and its canonical text.</summary>
internal sealed record ParsedArticle(
    ArticleFormat Format,
    ArticleMetadata Metadata,
    string Body,
    DocumentText Text,
    string ContentHash,
    string SourceHash,
    IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// The JSON columns, made while parsing (on every core, and where a failure is this file's problem) rather than
    /// inside the batch's write, where one unserialisable file would stop the whole load.
    /// </summary>
    public StoredJson Json { get; } = StoredJson.Of(Metadata, Text);
}

/// <summary>An article's JSON columns: its text's blocks, its tags and its other front-matter keys.</summary>
internal sealed record StoredJson(string Blocks, string Tags, string Metadata)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static StoredJson Of(ArticleMetadata metadata, DocumentText text)
    {
        try
        {
            return new StoredJson(JsonSerializer.Serialize(text.Blocks, Options), JsonSerializer.Serialize(metadata.Tags, Options),
                JsonSerializer.Serialize(metadata.Extra, Options));
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new CorpusFileException("unstorable", $"The article cannot be stored: {ex.Message}");
        }
    }
}

/// <summary>Reads one article file's bytes into a <see cref="ParsedArticle"/>, or throws <see cref="CorpusFileException"/>.</summary>
internal static class ArticleParser
{
    public static bool IsArticle(string path) => FormatOf(path) is not null;

    public static ArticleFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => ArticleFormat.Markdown,
        ".txt" => ArticleFormat.PlainText,
        _ => null,
    };

    public static ParsedArticle Parse(string relativePath, ReadOnlySpan<byte> bytes)
    {
        var format = FormatOf(relativePath) ?? throw new CorpusFileException("unsupported-type", "Not an article file (.md, .markdown or .txt).");
        var source = Normalize(Decode(bytes));
        var warnings = new List<string>();
        var (keys, body) = format == ArticleFormat.Markdown ? FrontMatter.Split(source) : ([], source);
        var text = ArticleRenderer.ToText(body, format);
        if (text.Blocks.Count == 0)
        {
            throw new CorpusFileException("empty", "The article has no text.");
        }

        var metadata = ArticleMetadata.From(keys, FallbackTitle(relativePath, format, text), warnings.Add);
        return new ParsedArticle(format, metadata, body, text, Hash(Encoding.UTF8.GetBytes(text.Text)), Hash(bytes), warnings);
    }

    /// <summary>Strict UTF-8 (a BOM is allowed and dropped); anything else is refused with the exact place.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new CorpusFileException("unsupported-encoding", "The file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8.");
        }

        // Offsets in messages count from the start of the file, byte-order mark included.
        var skipped = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
            skipped = 3;
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new CorpusFileException("binary", $"The file looks binary (a NUL byte at offset {nul + skipped}); articles are UTF-8 text.");
        }

        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var line = bytes[..read].Count((byte)'\n') + 1;
                throw new CorpusFileException("invalid-utf8",
                    $"Invalid UTF-8 at byte {read + skipped} (line {line}); the file may be in another encoding such as Windows-1252. Save it as UTF-8.");
            }

            return new string(chars, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Canonical form: '\n' line ends and Unicode NFC, so the same visible text always has the same offsets.</summary>
    private static string Normalize(string text)
    {
        if (text.Contains('\r', StringComparison.Ordinal))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
    }

    private static string FallbackTitle(string relativePath, ArticleFormat format, DocumentText text)
    {
        var heading = format == ArticleFormat.PlainText
            ? text.Blocks[0]
            : text.Blocks.FirstOrDefault(b => b.Kind == BlockKinds.Heading);
        if (heading is not null)
        {
            var firstLine = text.Text[heading.Start..heading.End].Split('\n')[0].Trim();
            if (firstLine.Length > 0)
            {
                var cut = firstLine.Length > 200 && char.IsHighSurrogate(firstLine[199]) ? 199 : 200;
                return firstLine.Length > 200 ? firstLine[..cut] + "…" : firstLine;
            }
        }

        return Path.GetFileNameWithoutExtension(relativePath).Replace('-', ' ').Replace('_', ' ');
    }

    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

using Annotate.Annotations;
using Annotate.Corpus;
using Annotate.Data;

namespace Annotate.Codebook;

/// <summary>A codebook file as read: its text and hash, the codebook if valid, and what is wrong with it.</summary>
internal sealed record CodebookFile(string Collection, string Yaml, string Hash, CodebookDefinition? Codebook, IReadOnlyList<CorpusProblem> Problems);

/// <summary>Loads each collection's codebook.yaml; an invalid one is reported and the previous version stays in force.</summary>
internal sealed class CodebookLoader(Db db, CodebookStore store, TimeProvider time, AnnotationPublisher? publisher = null)
{
    public async Task<IReadOnlyList<CorpusProblem>> LoadAsync(IReadOnlyList<CorpusFile> files, CancellationToken cancellationToken)
    {
        var problems = new List<CorpusProblem>();
        var latest = await store.LatestHashesAsync(cancellationToken);
        foreach (var file in files)
        {
            var read = Read(file);
            problems.AddRange(read.Problems);
            var known = latest.TryGetValue(read.Collection, out var current);
            if (read.Codebook is null || (known && current.ContentHash == read.Hash))
            {
                continue;
            }

            var version = known ? current.Version + 1 : 1;
            var renames = read.Codebook.Renames.Select(r => (r.Kind == RenameDefinition.RelationKind ? Annotation.RelationLayer : r.Layer, r.From, r.To)).ToList();
            var renamed = await db.WriteAsync(async (c, t) =>
            {
                await CodebookStore.InsertAsync(c, t, read.Collection, version, read.Hash, read.Yaml, read.Codebook, time.GetUtcNow());
                // A declared rename is a migration of existing annotations, in the same transaction as the new codebook.
                return await Reanchoring.ApplyRenamesAsync(c, t, read.Collection, version, renames, time.GetUtcNow());
            }, cancellationToken);
            await (publisher?.PublishAsync(renamed, cancellationToken) ?? Task.CompletedTask);
            latest[read.Collection] = (version, read.Hash);
        }

        return problems;
    }

    public static CodebookFile Read(CorpusFile file)
    {
        var collection = DocumentIds.CollectionOf(file.RelativePath);
        string yaml;
        try
        {
            yaml = ArticleParser.Decode(File.ReadAllBytes(file.FullPath)).Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (CorpusFileException ex)
        {
            return new CodebookFile(collection, "", "", null, [CorpusProblem.Fail(file.RelativePath, ex.Code, ex.Message)]);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new CodebookFile(collection, "", "", null, [CorpusProblem.Fail(file.RelativePath, "unreadable", $"The codebook cannot be read: {ex.Message}")]);
        }

        CodebookDefinition? codebook;
        IReadOnlyList<string> errors;
        try
        {
            (codebook, errors) = CodebookParser.Parse(yaml);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
        {
            // The parser names every mistake it knows; anything else is still this file's problem, never a stopped load.
            return new CodebookFile(collection, yaml, "", null, [CorpusProblem.Fail(file.RelativePath, "codebook", $"The codebook cannot be read: {ex.Message}")]);
        }

        var problems = errors.Select(e => CorpusProblem.Fail(file.RelativePath, "codebook", $"Invalid codebook, {e}")).ToList();
        return new CodebookFile(collection, yaml, ArticleParser.Hash(System.Text.Encoding.UTF8.GetBytes(yaml)), codebook, problems);
    }
}

using Annotate.Codebook;
using Annotate.Corpus;
using Annotate.Tests.Infrastructure;

namespace Annotate.Tests.Relations;

/// <summary>The codebook's relations: section: the bundled types and their examples, and every mistake named by its place.</summary>
public sealed class RelationCodebookTests
{
    private const string Layers = """
        name: Relations test
        layers:
          - id: claim
            name: Claim
            labels:
              - { id: fact, name: Fact }
              - { id: denial, name: Denial }
          - id: source
            name: Source
            labels:
              - { id: official, name: Official }
          - id: stance
            name: Stance
            scope: document
            labels:
              - { id: pro, name: Pro }

        """;

    [Fact]
    public void Every_Bundled_Relation_Example_Occurs_Verbatim_With_Both_Ends_In_One_Article()
    {
        var (codebook, errors) = CodebookParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "codebook.yaml")));
        Assert.Empty(errors);
        var texts = Directory.EnumerateFiles(RepositoryRoot.Corpus, "*.*", SearchOption.AllDirectories)
            .Where(f => ArticleParser.IsArticle(f) && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Select(f => ArticleParser.Parse(Path.GetFileName(f), File.ReadAllBytes(f)).Text.Text)
            .ToList();

        Assert.NotEmpty(codebook!.Relations);
        foreach (var relation in codebook.Relations)
        {
            Assert.NotEmpty(relation.Examples);
            foreach (var example in relation.Examples)
            {
                Assert.True(texts.Any(t => t.Contains(example.Source, StringComparison.Ordinal) && t.Contains(example.Target, StringComparison.Ordinal)),
                    $"{relation.Id}: no article holds both \"{example.Source}\" and \"{example.Target}\".");
            }
        }
    }

    [Fact]
    public void The_Bundled_Codebook_Has_Directed_And_Undirected_Types_With_Endpoint_Rules()
    {
        var (codebook, _) = CodebookParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "codebook.yaml")));

        var saidBy = codebook!.Relations.Single(r => r.Id == "said-by");
        Assert.True(saidBy.Directed);
        Assert.Equal(["claim"], saidBy.Source.Layers);
        Assert.Equal(["source"], saidBy.Target.Layers);
        Assert.Equal("choice", saidBy.Attributes.Single().Type);
        Assert.False(codebook.Relations.Single(r => r.Id == "restates").Directed);
        Assert.Equal(["denial"], codebook.Relations.Single(r => r.Id == "denies").Source.Labels);
    }

    [Fact]
    public void A_Valid_Relations_Section_Is_Read_With_Defaults()
    {
        var (codebook, errors) = CodebookParser.Parse(Layers + """
            relations:
              - id: said-by
                name: Said by
                key: "1"
                color: "#112233"
                source: { layers: [claim] }
                target: { layers: [source], labels: [official] }
                attributes:
                  - { id: mode, name: Mode, type: choice, values: [quote, paraphrase] }
                examples:
                  - { source: "a claim", target: "an official", note: why }
              - id: same
                name: Same
                directed: false
            renames:
              - { kind: relation, from: attributed-to, to: said-by }
            """);

        Assert.Empty(errors);
        Assert.True(codebook!.Relations[0].Directed);
        Assert.Empty(codebook.Relations[1].Source.Layers);
        Assert.False(codebook.Relations[1].Directed);
        Assert.Equal(RenameDefinition.RelationKind, codebook.Renames[0].Kind);
    }

    [Fact]
    public void Every_Mistake_In_Relations_Is_Named_By_Its_Place()
    {
        var (codebook, errors) = CodebookParser.Parse(Layers + """
            relations:
              - id: Said By
                name: ""
                key: "11"
                color: blue
                source: { layers: [stance, nowhere] }
                target: { layers: [source], labels: [fact] }
                attributes:
                  - { id: mode, name: Mode, type: choice }
                  - { id: size, name: Size, type: integer, min: 5, max: 1 }
                examples:
                  - { source: "only a source" }
              - id: other
                name: Other
                key: "2"
              - id: other
                name: Other again
                key: "2"
            renames:
              - { kind: relation, from: a, to: nothing }
              - { kind: relation, layer: claim, from: b, to: other }
              - { kind: arrow, from: c, to: other }
            """);

        Assert.Null(codebook);
        string[] expected =
        [
            "relations[0].id: 'Said By' is not a valid id",
            "relations[0].name: relation 'Said By' needs a name.",
            "relations[0].key: '11' must be a single lowercase letter or digit.",
            "relations[0].color: 'blue' must be a colour like #c0392b.",
            "relations[0].source.layers[0]: there is no span layer 'stance'",
            "relations[0].source.layers[1]: there is no span layer 'nowhere'",
            "relations[0].target.labels[0]: 'fact' is not a label of layer 'source'.",
            "relations[0].attributes[0].values: a choice attribute needs a list of values.",
            "relations[0].attributes[1]: min (5) is greater than max (1).",
            "relations[0].examples[0]: an example gives the text of both its source and its target.",
            "relations: relation id 'other' is used 2 times.",
            "relations: key '2' is used 2 times.",
            "renames[0].to: there is no relation type 'nothing' to rename 'a' into.",
            "renames[1].layer: a relation rename has no layer",
            "renames[2].kind: 'arrow' is neither 'label' nor 'relation'.",
        ];
        foreach (var message in expected)
        {
            Assert.Contains(errors, e => e.StartsWith(message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_Misspelt_Relation_Key_Is_An_Error_With_Its_Line()
    {
        var (codebook, errors) = CodebookParser.Parse(Layers + """
            relations:
              - id: said-by
                name: Said by
                sorce: { layers: [claim] }
            """);

        Assert.Null(codebook);
        Assert.Contains(errors, e => e.StartsWith("line 20", StringComparison.Ordinal) && e.Contains("sorce", StringComparison.Ordinal));
    }

    [Fact]
    public void Examples_Hidden_From_Annotators_Include_Relation_Examples()
    {
        var (codebook, _) = CodebookParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Corpus, "codebook.yaml")));

        var hidden = CodebookExamples.Without(new CodebookInfo("", 1, "", "", codebook!));

        Assert.All(hidden.Codebook.Relations, r => Assert.Empty(r.Examples));
        Assert.NotEmpty(codebook!.Relations[0].Examples);
    }
}

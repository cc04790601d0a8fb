using System.Globalization;
using System.Text.Json;
using Annotate.Annotations;
using Annotate.Curation;
using Annotate.Export;
using Annotate.Relations;

namespace Annotate.Import;

/// <summary>
/// Parses one .ann as <see cref="BratAnn"/> writes it (and as brat itself does): T lines with code-point fragments,
/// A attributes ("Actor" is an attribution), relations, AnnotatorNotes, AnnotateId and Provenance notes (and the "Attribution"
/// relations of exports made before schema step 0022, read as said-by relations). A line
/// that is not brat is bad input; a T whose quote differs from the .txt is reported and left out.
/// </summary>
internal static class BratAnnParser
{
    private sealed record Entity(string Source, string Type, int Start, int End, string Quote)
    {
        public Dictionary<string, JsonElement> Attributes { get; } = new(StringComparer.Ordinal);
        public string? Actor { get; set; }
        public string? Target { get; set; }
        public string? Note { get; set; }
        public string? Provenance { get; set; }
        public string? Id { get; set; }
    }

    /// <summary>A relation of a type of the codebook (an R line other than Attribution) between two T annotations.</summary>
    private sealed record Link(string Source, string Type, string From, string To)
    {
        public Dictionary<string, JsonElement> Attributes { get; } = new(StringComparer.Ordinal);
        public string? Note { get; set; }
        public string? Id { get; set; }
    }

    public static ImportBatch Parse(string file, string document, string annotator, string name, string text, string[] lines)
    {
        var offsets = new BratOffsets(text);
        var entities = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var links = new Dictionary<string, Link>(StringComparer.Ordinal);
        var problems = new List<ImportProblem>();
        for (var n = 0; n < lines.Length; n++)
        {
            var (line, source) = (lines[n].TrimEnd('\r'), $"{file}:{n + 1}");
            if (line.Length == 0)
                continue;
            var fields = line.Split('\t');
            var head = fields.Length > 1 ? fields[1].Split(' ') : [];
            Entity Of(string t) => entities.GetValueOrDefault(t) ?? throw new ImportFormatException($"{source}: '{t}' is not a text-bound annotation defined above.");
            switch (line[0])
            {
                case 'T' when fields.Length >= 3 && head.Length >= 3:
                    var fragments = Fragments(string.Join(' ', head[1..]), source).Select(f => (Start: offsets.ToUtf16(f.Start), End: offsets.ToUtf16(f.End))).ToList();
                    var quote = string.Join('\t', fields[2..]);
                    if (fragments.Any(f => f.Start < 0 || f.End < f.Start))
                    {
                        problems.Add(new ImportProblem(source, document, ImportProblem.Invalid, $"offsets {string.Join(' ', head[1..])} are outside the text ({offsets.ToCodePoints(text.Length)} code points)."));
                        continue;
                    }

                    var found = BratOffsets.Quote(text, fragments);
                    if (found != quote)
                        problems.Add(new ImportProblem(source, document, ImportProblem.QuoteMismatch, $"the .ann expects \"{quote}\" but the .txt reads \"{found}\" there."));
                    else
                        entities[fields[0]] = new Entity(source, head[0], fragments[0].Start, fragments[^1].End, quote);
                    break;
                case 'A' or 'M' when head.Length is 2 or 3 && links.TryGetValue(head[1], out var link):
                    link.Attributes[BratNames.Unescape(head[0]) ?? head[0]] = JsonSerializer.SerializeToElement(head.Length == 3 ? BratNames.ParseValue(head[2]) : "true");
                    break;
                case 'A' or 'M' when head.Length is 2 or 3:
                    if (!entities.ContainsKey(head[1]))
                        continue; // its entity was reported and left out
                    var value = head.Length == 3 ? BratNames.ParseValue(head[2]) : "true";
                    if (head[0] == BratNames.ActorAttribute)
                        Of(head[1]).Actor = value;
                    else
                        Of(head[1]).Attributes[BratNames.Unescape(head[0]) ?? head[0]] = JsonSerializer.SerializeToElement(value);
                    break;
                case 'R' when head.Length == 3 && head[1].StartsWith("Arg1:", StringComparison.Ordinal) && head[2].StartsWith("Arg2:", StringComparison.Ordinal):
                    if (!entities.ContainsKey(head[1][5..]) || !entities.ContainsKey(head[2][5..]))
                        continue; // an end was reported and left out
                    if (head[0] == BratNames.AttributionRelation)
                        Of(head[1][5..]).Target = head[2][5..];
                    else
                        links[fields[0]] = new Link(source, BratNames.Unescape(head[0]) ?? head[0], head[1][5..], head[2][5..]); // checked against the codebook on import
                    break;
                case '#' when fields.Length >= 3 && head.Length == 2 && links.TryGetValue(head[1], out var described):
                    var said = string.Join('\t', fields[2..]);
                    if (head[0] == BratNames.IdType)
                        described.Id = Guid.TryParse(said, out _) ? said : null;
                    else if (head[0] == BratNames.NoteType)
                        described.Note = BratNames.ParseNote(said);
                    break;
                case '#' when fields.Length >= 3 && head.Length == 2:
                    if (!entities.ContainsKey(head[1]))
                        continue;
                    var note = string.Join('\t', fields[2..]);
                    if (head[0] == BratNames.ProvenanceType)
                        Of(head[1]).Provenance = Provenance(note, source);
                    else if (head[0] == BratNames.IdType)
                        Of(head[1]).Id = Guid.TryParse(note, out _) ? note : null;
                    else
                        Of(head[1]).Note = BratNames.ParseNote(note);
                    break;
                case 'E' or 'N' or '*':
                    problems.Add(new ImportProblem(source, document, ImportProblem.Unsupported, $"brat {(line[0] == 'E' ? "events" : line[0] == 'N' ? "normalizations" : "equivalences")} have no meaning in Annotate."));
                    break;
                default:
                    throw new ImportFormatException($"{source}: not a brat standoff line: \"{(line.Length > 80 ? line[..80] + "…" : line)}\"");
            }
        }

        // Annotate's own export names each annotation's id; another tool's T1, T2… get a stable derived one.
        string IdOf(string t) => entities[t].Id ?? ImportIds.Derive("brat", annotator, document, t);
        var items = entities.Select(e =>
        {
            var (layer, label) = BratNames.ParseType(e.Value.Type) is { } parsed ? (parsed.Layer, parsed.Label) : ((string?)null, e.Value.Type);
            var attribution = e.Value.Actor is not null ? new AttributionRequest(e.Value.Actor) : null;
            var provenance = GoldLayer.Is(annotator) ? e.Value.Provenance : null;
            return new ImportItem(e.Value.Source, null, document, annotator, name, Annotation.SpanKind, IdOf(e.Key), layer, label,
                e.Value.Start, e.Value.End, text[e.Value.Start..e.Value.End], e.Value.Attributes, attribution, e.Value.Note, provenance);
        }).ToList();
        items.AddRange(entities.Where(e => e.Value.Target is not null).Select(e => ImportItem.Relation(e.Value.Source, null, document, annotator, name,
            SaidBy.RelationIdOf(IdOf(e.Key)), SaidBy.Type, IdOf(e.Key), IdOf(e.Value.Target!), [], null)));
        items.AddRange(links.Select(l => ImportItem.Relation(l.Value.Source, null, document, annotator, name, l.Value.Id ?? ImportIds.Derive("brat", annotator, document, l.Key),
            l.Value.Type, IdOf(l.Value.From), IdOf(l.Value.To), l.Value.Attributes, l.Value.Note)));
        return new ImportBatch(items, problems);
    }

    private static List<(int Start, int End)> Fragments(string where, string source)
    {
        var fragments = new List<(int, int)>();
        foreach (var fragment in where.Split(';'))
        {
            if (fragment.Split(' ') is not [var a, var b] || !int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var end))
                throw new ImportFormatException($"{source}: '{where}' is not a list of brat offsets (\"start end;start end\").");
            fragments.Add((start, end));
        }

        return fragments;
    }

    private static string Provenance(string json, string source)
    {
        try
        {
            var provenance = JsonSerializer.Deserialize<Provenance>(json, JsonSerializerOptions.Web) ?? throw new JsonException("null");
            return JsonSerializer.Serialize(provenance, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new ImportFormatException($"{source}: the provenance is not valid JSON ({e.Message}).");
        }
    }
}

using System.Diagnostics;
using System.Net.Http.Json;

namespace Annotate.Benchmarks;

/// <summary>One relation to create, as the PUT body wants it.</summary>
internal sealed record SeedRelation(string Id, string Type, string Source, string Target);

/// <summary>
/// Links the seeded spans with relations the bundled codebook allows: mostly a claim said by a nearby source span
/// (often on another line or paragraph), some claims supporting or attacking claims further away, and one in ten
/// reaching across a large part of the article, so the reader draws short arcs, gutter brackets and very long ones.
/// </summary>
internal static class LongArticleRelations
{
    public static List<SeedRelation> Plan(IReadOnlyList<SeedSpan> spans, int count)
    {
        var random = new Random(LongArticleText.Seed + 17);
        var claims = spans.Select((s, i) => (s, i)).Where(x => x.s.Layer == "claim").ToArray();
        var sources = spans.Select((s, i) => (s, i)).Where(x => x.s.Layer == "source").ToArray();
        var taken = new HashSet<(string, string, string)>();
        var relations = new List<SeedRelation>(count);
        for (var attempt = 0; relations.Count < count && attempt < count * 20 && claims.Length > 1 && sources.Length > 0; attempt++)
        {
            var (claim, at) = claims[(int)((long)relations.Count * claims.Length / Math.Max(1, count)) % claims.Length];
            var far = random.Next(10) == 0;
            string type;
            SeedSpan target;
            if (random.Next(4) == 0)
            {
                type = random.Next(2) == 0 ? "supports" : "attacks";
                target = Nearest(claims, at, far ? random.Next(50, 2000) : random.Next(1, 12), random).s;
            }
            else
            {
                type = "said-by";
                target = Nearest(sources, at, far ? random.Next(50, 2000) : random.Next(0, 6), random).s;
            }

            if (target.Id == claim.Id || !taken.Add((type, claim.Id, target.Id)))
            {
                continue;
            }

            var id = new byte[16];
            random.NextBytes(id);
            relations.Add(new SeedRelation(new Guid(id).ToString(), type, claim.Id, target.Id));
        }

        return relations;
    }

    /// <summary>The span of the list about <paramref name="distance"/> places from span index <paramref name="at"/>, either side.</summary>
    private static (SeedSpan s, int i) Nearest((SeedSpan s, int i)[] list, int at, int distance, Random random)
    {
        var position = Array.FindIndex(list, x => x.i >= at);
        position = position < 0 ? list.Length - 1 : position;
        var pick = position + (random.Next(2) == 0 ? distance : -distance);
        return list[Math.Clamp(pick, 0, list.Length - 1)];
    }

    /// <summary>PUTs every relation, a few at a time; returns how long it took.</summary>
    public static async Task<TimeSpan> PutAllAsync(HttpClient api, string documentId, IReadOnlyList<SeedRelation> relations, int parallel)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, parallel).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < relations.Count)
            {
                var r = relations[i];
                using var response = await api.PutAsJsonAsync($"/api/documents/{Uri.EscapeDataString(documentId)}/relations/{r.Id}",
                    new { type = r.Type, source = r.Source, target = r.Target });
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"PUT of relation {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        });
        await Task.WhenAll(workers);
        return clock.Elapsed;
    }
}

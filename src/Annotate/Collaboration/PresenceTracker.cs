using System.Collections.Concurrent;

namespace Annotate.Collaboration;

/// <summary>Who is on which document right now, per connection. In memory only: presence is never stored.</summary>
internal sealed class PresenceTracker
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, PresenceUpdate>> byDocument = new(StringComparer.Ordinal);

    public void Set(string connectionId, PresenceUpdate presence) =>
        byDocument.GetOrAdd(presence.DocumentId, _ => new(StringComparer.Ordinal))[connectionId] = presence;

    /// <summary>What this connection last said on the document, if it is there.</summary>
    public PresenceUpdate? Of(string connectionId, string documentId) =>
        byDocument.TryGetValue(documentId, out var present) && present.TryGetValue(connectionId, out var update) ? update : null;

    public PresenceUpdate? Remove(string connectionId, string documentId) =>
        byDocument.TryGetValue(documentId, out var present) && present.TryRemove(connectionId, out var left) ? left with { Present = false } : null;

    public IReadOnlyList<PresenceUpdate> On(string documentId) =>
        byDocument.TryGetValue(documentId, out var present) ? present.Values.DistinctBy(p => p.UserId).ToList() : [];

    /// <summary>Everyone present on any document (one entry per person and document).</summary>
    public IReadOnlyList<PresenceUpdate> All() =>
        byDocument.Values.SelectMany(present => present.Values).DistinctBy(p => (p.UserId, p.DocumentId)).ToList();
}

import { annotationHub, projectsApi, roundsApi, type AnnotationChange, type PresenceUpdate, type Visibility } from '../../api';
import type { Annotation } from '../../api/annotationTypes';
import { ChangeThrottle, LiveFeed, type FeedJoin } from '../../model/live/liveFeed';
import type { AnnotationSession } from '../../model/session/annotationSession';
import { relationFeedChange } from '../../model/relations/relationItems';
import type { AnnotateState, Presence } from './viewState';

/** What following a document needs: which document, whose view, the session to apply changes to. */
export interface LiveContext {
  readonly documentId: string;
  readonly documentVersion: number;
  readonly projectId: string;
  /** This person: their own presence (from another tab) is not shown. */
  readonly userId: string | undefined;
  readonly session: Pick<AnnotationSession, 'applyRemote' | 'dropOthers'>;
  /** Receives the visibility mode and who is here. */
  readonly state: Pick<AnnotateState, 'setMode' | 'setPresent' | 'lock' | 'setFrozen'>;
  /** The article's blocks, in order, and where the sticky tools end: the first block below them is being read. */
  readonly blockEls: readonly HTMLElement[];
  stickyBottom(): number;
  /** The article's file changed on the server. */
  newVersion(version: number): void;
  /** The name to show for someone here (anonymised for a class). */
  nameOf(userId: string, own: string): string;
}

/**
 * Follows the open document on the hub: joins it, applies what others (and this person's other tabs) change,
 * catches up after a reconnect or a gap, rejoins on a visibility change, and tells others where this person reads.
 */
export class LiveDocument {
  readonly feed: LiveFeed<Annotation>;
  private readonly present = new Map<string, Presence>();
  private readonly unsubscribe: () => void;
  private readonly presence: ChangeThrottle<number | null>;
  private disposed = false;
  private retryTimer = 0;
  private scrollTimer = 0;
  private joined = false;
  /** The document or project was taken away: no rejoining (it would be refused). */
  private lost = false;

  constructor(private readonly cx: LiveContext) {
    const { documentId, session } = cx;
    // Relations share the document's numbering: their changes join the same feed, as the session's relation items.
    const join = async (after: number) => {
      const result = await annotationHub.joinDocument(documentId, after);
      const changes = [...result.changes, ...(result.relations ?? []).map(relationFeedChange)].sort((a, b) => a.seq - b.seq);
      return { ...result, changes };
    };
    this.feed = new LiveFeed<Annotation>(join, {
      apply: (change) => session.applyRemote(change.kind, change.annotation),
      joined: (result, full) => this.joined_(result as FeedJoin<Annotation> & { present: PresenceUpdate[] }, full),
      failed: () => {
        if (this.disposed || this.lost) return;
        clearTimeout(this.retryTimer);
        this.retryTimer = window.setTimeout(() => void this.feed.catchUp(), 3000);
      },
    });
    this.presence = new ChangeThrottle((block) => {
      if (this.joined) annotationHub.updatePresence(documentId, block).catch(() => {});
    }, 1000);
    this.unsubscribe = annotationHub.subscribe({
      annotationChanged: (change: AnnotationChange) => {
        if (change.documentId === documentId) this.feed.push(change);
      },
      relationChanged: (change) => {
        if (change.documentId === documentId) this.feed.push(relationFeedChange(change));
      },
      presenceChanged: (update) => {
        if (update.documentId === documentId) this.setPresence(update);
      },
      visibilityChanged: (mode) => {
        cx.state.setMode(mode);
        void this.feed.visibilityChanged(mode);
      },
      documentChanged: (change) => {
        if (change.documentId === documentId && change.version > cx.documentVersion) cx.newVersion(change.version);
      },
      accessLost: (lost) => {
        if (lost.documentId === documentId || (lost.documentId === null && lost.projectId === cx.projectId)) {
          this.lost = true;
          clearTimeout(this.retryTimer);
          cx.state.lock(lost.message);
        }
      },
      editingChanged: (state) => {
        if (state.projectId === cx.projectId) cx.state.setFrozen(state.frozen ? state.message : null);
      },
      reconnected: () => {
        // Who is here now comes with the rejoin; those shown from before the drop may have left.
        this.present.clear();
        this.presence.reset();
        if (!this.lost) void this.feed.catchUp();
        // A round may have started or ended while the connection was down.
        if (!this.lost) void this.checkFrozen();
      },
    });
    window.addEventListener('scroll', this.onScroll, { passive: true });
  }

  start(): void {
    void this.feed.start();
    void this.checkFrozen();
  }

  /** Whether a discuss round has frozen editing, asked of the server (the push tells of later changes). */
  private async checkFrozen(): Promise<void> {
    try {
      const rounds = await roundsApi.list(this.cx.projectId);
      if (!this.disposed) this.cx.state.setFrozen(rounds.frozen ? rounds.frozenMessage : null);
    } catch {
      // Unknown for now: the server refuses frozen writes anyway, and the page freezes on that refusal.
    }
  }

  /** Switches the project's mode for everyone; the hub's VisibilityChanged then rejoins every open document. */
  async setVisibility(mode: Visibility): Promise<void> {
    const project = await projectsApi.setVisibility(mode, this.cx.projectId);
    if (project) this.cx.state.setMode(project.visibility);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.scrollTimer);
    this.feed.dispose();
    this.presence.dispose();
    this.unsubscribe();
    window.removeEventListener('scroll', this.onScroll);
    annotationHub.leaveDocument(this.cx.documentId).catch(() => {});
  }

  private joined_(result: FeedJoin<Annotation> & { present: PresenceUpdate[] }, full: boolean): void {
    this.joined = true;
    this.cx.state.setMode(result.visibility as Visibility);
    if (full) {
      this.cx.session.dropOthers(new Set(result.changes.filter((c) => c.kind === 'upsert').map((c) => c.annotation.id)));
      this.present.clear();
    }
    for (const update of result.present ?? []) this.setPresence(update, false);
    this.cx.state.setPresent(this.present.values());
    this.presence.reset();
    this.presence.update(this.topBlock());
  }

  private setPresence(update: PresenceUpdate, notify = true): void {
    if (update.userId === this.cx.userId) return;
    if (update.present) this.present.set(update.userId, { userId: update.userId, displayName: this.cx.nameOf(update.userId, update.displayName), block: update.block });
    else this.present.delete(update.userId);
    if (notify) this.cx.state.setPresent(this.present.values());
  }

  /** Where the reader is, read at most every 250 ms of a scroll: reading it measures blocks, which forces a layout. */
  private readonly onScroll = () => {
    if (this.scrollTimer) return;
    this.scrollTimer = window.setTimeout(() => {
      this.scrollTimer = 0;
      if (!this.disposed) this.presence.update(this.topBlock());
    }, 250);
  };

  /** The first block whose bottom is below the sticky header and toolbar: the one being read. */
  private topBlock(): number | null {
    const top = this.cx.stickyBottom();
    const blocks = this.cx.blockEls;
    // Binary search: blocks are in document order.
    let lo = 0;
    let hi = blocks.length - 1;
    let found: number | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const el = blocks[mid];
      if (!el) break;
      if (el.getBoundingClientRect().bottom > top) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  }
}

import { annotationHub, projectsApi, type AnnotationChange, type PresenceUpdate, type Visibility } from '../../api';
import type { Annotation } from '../../api/annotationTypes';
import { ChangeThrottle, LiveFeed, type FeedJoin } from '../../model/live/liveFeed';
import type { Annotator } from './annotator';

export interface Presence {
  userId: string;
  displayName: string;
  block: number | null;
}

/**
 * Follows the open document on the hub: joins it, applies what others (and this person's other tabs) change,
 * catches up after a reconnect or a gap, rejoins on a visibility change, and tells others where this person reads.
 */
export class LiveDocument {
  readonly feed: LiveFeed<Annotation>;
  readonly present = new Map<string, Presence>();
  private readonly unsubscribe: () => void;
  private readonly presence: ChangeThrottle<number | null>;
  private disposed = false;
  private retryTimer = 0;
  private joined = false;

  constructor(
    private readonly an: Annotator,
    private readonly onPresence: () => void,
    private readonly onMode: (mode: Visibility) => void,
    private readonly onNewVersion: (version: number) => void,
  ) {
    const documentId = an.doc.id;
    this.feed = new LiveFeed<Annotation>((after) => annotationHub.joinDocument(documentId, after), {
      apply: (change) => an.session.applyRemote(change.kind, change.annotation),
      joined: (result, full) => this.joined_(result as FeedJoin<Annotation> & { present: PresenceUpdate[] }, full),
      failed: () => {
        if (this.disposed) return;
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
      presenceChanged: (update) => {
        if (update.documentId === documentId) this.setPresence(update);
      },
      visibilityChanged: (mode) => {
        this.onMode(mode);
        void this.feed.visibilityChanged(mode);
      },
      documentChanged: (change) => {
        if (change.documentId === documentId && change.version > an.doc.version) this.onNewVersion(change.version);
      },
      reconnected: () => {
        // Who is here now comes with the rejoin; those shown from before the drop may have left.
        this.present.clear();
        this.presence.reset();
        void this.feed.catchUp();
      },
    });
    window.addEventListener('scroll', this.onScroll, { passive: true });
  }

  start(): void {
    void this.feed.start();
  }

  /** Switches the project's mode for everyone; the hub's VisibilityChanged then rejoins every open document. */
  async setVisibility(mode: Visibility): Promise<void> {
    const project = await projectsApi.setVisibility(mode, this.an.doc.projectId);
    if (project) this.onMode(project.visibility);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.feed.dispose();
    this.presence.dispose();
    this.unsubscribe();
    window.removeEventListener('scroll', this.onScroll);
    annotationHub.leaveDocument(this.an.doc.id).catch(() => {});
  }

  private joined_(result: FeedJoin<Annotation> & { present: PresenceUpdate[] }, full: boolean): void {
    this.joined = true;
    this.onMode(result.visibility as Visibility);
    if (full) {
      this.an.session.dropOthers(new Set(result.changes.filter((c) => c.kind === 'upsert').map((c) => c.annotation.id)));
      this.present.clear();
    }
    for (const update of result.present ?? []) this.setPresence(update, false);
    this.onPresence();
    this.presence.reset();
    this.presence.update(this.topBlock());
  }

  private setPresence(update: PresenceUpdate, notify = true): void {
    if (update.userId === this.an.ctx.state.session?.userId) return;
    if (update.present) this.present.set(update.userId, { userId: update.userId, displayName: update.displayName, block: update.block });
    else this.present.delete(update.userId);
    if (notify) this.onPresence();
  }

  private readonly onScroll = () => this.presence.update(this.topBlock());

  /** The first block whose bottom is below the sticky header and toolbar: the one being read. */
  private topBlock(): number | null {
    const top = this.an.panels.toolbar.element.getBoundingClientRect().bottom;
    const blocks = this.an.dom.blockEls;
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

import type { Visibility } from '../../api';
import type { Connection } from '../../model/live/connection';

// The annotation view's shared state and its events: what the parts (panels, actions, keys and pointer, live
// document) read and change instead of reaching into each other. No DOM here, so it is tested on its own.

export interface Presence {
  userId: string;
  displayName: string;
  block: number | null;
}

export interface AnnotateEvents {
  /** The selected span changed (null: none); scroll asks for it to be brought into view. */
  selected: { id: string | null; scroll: boolean };
  /** The span layer new labels go to. */
  layer: string;
  /** The project's visibility mode, as the hub or the project told it. */
  mode: Visibility;
  /** Which annotations are shown changed: others' overlay, or one other annotator switched on or off. */
  shown: undefined;
  /** The connection to the server changed. */
  connection: Connection;
  /** Who else is here, or where they read, changed. */
  presence: undefined;
  /** A span was labelled at `since` (the key or click): the benchmark measures from there to it being drawn. */
  labelled: { id: string; since: number };
  /** Said beside the tools and to screen readers. */
  notice: string;
  /** Said to screen readers only. */
  announce: string;
  /** Something failed: shown in the page's error banner and beside the tools. */
  problem: { message: string; error?: unknown };
  /** No more work is taken here (removed from the project, or the document given to others): why. */
  locked: string;
  /** A discuss round froze editing (the message), or a revise round opened it again (null). */
  frozen: string | null;
  /** The selected relation changed (null: none); scroll asks for its source to be brought into view. */
  relation: { id: string | null; scroll: boolean };
  /** Linking started, moved to another target, or ended (null). */
  linking: Linking | null;
}

/** Making a relation: from the source span, with the target chosen so far (null before one is chosen). */
export interface Linking {
  source: string;
  target: string | null;
}

type Listener<T> = (value: T) => void;

/** A small typed event emitter: listeners run in the order they subscribed. */
export class Emitter<E> {
  private readonly listeners = new Map<keyof E, Set<Listener<never>>>();

  on<K extends keyof E>(kind: K, listener: Listener<E[K]>): () => void {
    let set = this.listeners.get(kind);
    if (!set) this.listeners.set(kind, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends keyof E>(kind: K, value: E[K]): void {
    for (const listener of [...(this.listeners.get(kind) ?? [])]) (listener as Listener<E[K]>)(value);
  }
}

/** The view's state: each field changes through a method that tells the listeners. */
export class AnnotateState {
  readonly events = new Emitter<AnnotateEvents>();
  selectedId: string | null = null;
  mode: Visibility | null = null;
  connection: Connection = 'connecting';
  /** Why no more work is taken here, once the person lost the document or the project; null while they may work. */
  locked: string | null = null;
  /** Why editing is frozen for now (a discuss round); null while it is open. Unlike locked, it lifts again. */
  frozen: string | null = null;
  /** Other readers of this document, by name. */
  present: readonly Presence[] = [];
  /** Other annotators whose spans are switched off. */
  readonly hidden = new Set<string>();
  /** The selected relation; a span and a relation are never selected at once. */
  relationId: string | null = null;
  /** A relation being made (Shift+L or "Link"), or null. */
  linking: Linking | null = null;

  /** exists: whether an annotation id is (still) there, so a selection never points at a deleted one. */
  constructor(public layer: string, public others: boolean, private readonly exists: (id: string) => boolean) {}

  select(id: string | null, options: { scroll?: boolean } = {}): void {
    this.selectedId = id !== null && this.exists(id) ? id : null;
    if (this.selectedId !== null && this.relationId !== null) this.selectRelation(null);
    this.events.emit('selected', { id: this.selectedId, scroll: !!options.scroll });
  }

  selectRelation(id: string | null, options: { scroll?: boolean } = {}): void {
    this.relationId = id !== null && this.exists(id) ? id : null;
    if (this.relationId !== null && this.selectedId !== null) this.select(null);
    this.events.emit('relation', { id: this.relationId, scroll: !!options.scroll });
  }

  /** Starts linking, moves its target, or ends it (null). */
  setLinking(linking: Linking | null): void {
    this.linking = linking;
    this.events.emit('linking', linking);
  }

  setLayer(id: string): void {
    this.layer = id;
    this.events.emit('layer', id);
  }

  setMode(mode: Visibility): void {
    if (this.mode === mode) return;
    this.mode = mode;
    this.events.emit('mode', mode);
  }

  /** Stops taking work here, for good (the person lost the document or the project); said once. */
  lock(reason: string): void {
    if (this.locked !== null) return;
    this.locked = reason;
    this.events.emit('locked', reason);
  }

  /** Freezes editing with a message, or opens it again with null; told only when it changes. */
  setFrozen(message: string | null): void {
    if (this.frozen === message) return;
    this.frozen = message;
    this.events.emit('frozen', message);
  }

  /** Why the tools take no change now (lost access, or a freeze); null while they do. */
  get inert(): string | null {
    return this.locked ?? this.frozen;
  }

  setConnection(state: Connection): void {
    if (this.connection === state) return;
    this.connection = state;
    this.events.emit('connection', state);
  }

  setPresent(people: Iterable<Presence>): void {
    this.present = [...people].sort((x, y) => x.displayName.localeCompare(y.displayName));
    this.events.emit('presence', undefined);
  }

  showOthers(on: boolean): void {
    this.others = on;
    this.events.emit('shown', undefined);
  }

  /** Switches one other annotator's spans on or off. */
  toggleAnnotator(userId: string, on: boolean): void {
    if (on) this.hidden.delete(userId);
    else this.hidden.add(userId);
    this.events.emit('shown', undefined);
  }

  notice(message: string): void {
    this.events.emit('notice', message);
  }

  announce(message: string): void {
    this.events.emit('announce', message);
  }

  problem(message: string, error?: unknown): void {
    this.events.emit('problem', error === undefined ? { message } : { message, error });
  }
}

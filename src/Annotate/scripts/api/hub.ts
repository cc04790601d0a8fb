import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { HubState } from '../model/live/connection';
import type { Annotation } from './annotationTypes';
import type { Visibility } from './projects';
import type { RelationChange } from './relations';
import type { EditingState } from './rounds';

// The one typed door to the live hub (/hubs/annotations): views never name hub methods or events themselves.

export interface AnnotationChange {
  seq: number;
  documentId: string;
  kind: 'upsert' | 'delete';
  annotation: Annotation;
}

export interface PresenceUpdate {
  documentId: string;
  userId: string;
  displayName: string;
  block: number | null;
  present: boolean;
}

export interface JoinResult {
  changes: AnnotationChange[];
  lastSeq: number;
  present: PresenceUpdate[];
  visibility: Visibility;
  /** Relation changes after afterSeq (one numbering with `changes`). */
  relations: RelationChange[];
  /** Whether the answer covers everyone's work or only the caller's (blind mode, not a curator). */
  seesOthers: boolean;
}

/** A document's text got a new version; its annotations were moved onto it (and are pushed as changes). */
export interface DocumentVersionChange {
  documentId: string;
  version: number;
}

/** Agreement figures of these documents (of a watched project) may have changed: fetch them again. */
export interface AgreementChange {
  projectId: string;
  documentIds: string[];
}

/** Students' progress in a class the page watches changed (a Done mark, the instruction): fetch the dashboard. */
export interface ClassChange {
  projectId: string;
}

/** Sent just before the server closes the connection of someone who can no longer work where they were. */
export interface AccessLost {
  projectId: string;
  /** null when the whole project was lost. */
  documentId: string | null;
  reason: 'removed' | 'unassigned';
  message: string;
}

export interface HubListener {
  annotationChanged?(change: AnnotationChange): void;
  /** A relation saved or deleted; its seq is in the same numbering as annotation changes. */
  relationChanged?(change: RelationChange): void;
  presenceChanged?(update: PresenceUpdate): void;
  visibilityChanged?(mode: Visibility): void;
  documentChanged?(change: DocumentVersionChange): void;
  agreementChanged?(change: AgreementChange): void;
  classChanged?(change: ClassChange): void;
  /** This person can no longer work where they were (removed from the project, or the document given to others). */
  accessLost?(lost: AccessLost): void;
  /** A norming round started or ended: editing in the project is frozen (a discuss round) or open again. */
  editingChanged?(state: EditingState): void;
  /** The connection is back after a drop (or started for the first time after failing): rejoin and catch up. */
  reconnected?(): void;
  /** Connected, or (re)connecting: for the page's connection indicator. */
  connectionChanged?(state: HubState): void;
}

const HUB_PATH = '/hubs/annotations';
/** Reconnect forever, backing off to at most 10 seconds between tries. */
const RETRY_MS = [0, 1000, 2000, 5000, 10000];

class AnnotationHubClient {
  private connection: HubConnection | null = null;
  private starting: Promise<void> | null = null;
  private readonly listeners = new Set<HubListener>();
  private restartTimer = 0;
  private hubState: HubState = 'connecting';
  /** Ends the current wait between two connection attempts (reconnectNow). */
  private wake: (() => void) | null = null;
  /** True while reconnectNow stops a waiting automatic reconnect: that close is not a drop to schedule a restart for. */
  private restarting = false;
  /** Set by reconnectNow: a start failing soon after (the network not quite back) is tried again within a moment. */
  private hurried = false;
  /** Projects whose agreement someone follows, with how many do: watched again after a reconnect. */
  private readonly agreementWatchers = new Map<string, number>();
  /** Projects whose class page is open (teachers only): watched again after a reconnect. */
  private readonly classWatchers = new Set<string>();

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connects (once); resolves when connected. Keeps trying in the background when the server cannot be reached. */
  start(): Promise<void> {
    if (this.connection?.state === HubConnectionState.Connected) return Promise.resolve();
    if (this.starting) return this.starting;
    const connection = this.connection ?? this.build();
    this.starting = this.open(connection, 0);
    return this.starting;
  }

  get connected(): boolean {
    return this.connection?.state === HubConnectionState.Connected;
  }

  get state(): HubState {
    return this.hubState;
  }

  /**
   * The network is back: try now rather than after the back-off (up to 10 s). An automatic reconnect waiting for
   * its next try is stopped and the connection started again at once.
   */
  reconnectNow(): void {
    const connection = this.connection;
    if (!connection || connection.state === HubConnectionState.Connected) return;
    clearTimeout(this.restartTimer);
    this.hurried = true;
    if (connection.state === HubConnectionState.Reconnecting) {
      this.restarting = true;
      void connection.stop().finally(() => {
        this.restarting = false;
        if (this.starting) this.wake?.();
        else this.starting = this.open(connection, 1);
      });
    } else if (this.starting) {
      this.wake?.();
    } else if (connection.state === HubConnectionState.Disconnected) {
      this.starting = this.open(connection, 1);
    }
  }

  async joinDocument(documentId: string, afterSeq: number): Promise<JoinResult> {
    await this.start();
    return await this.connection!.invoke<JoinResult>('JoinDocument', documentId, afterSeq);
  }

  async leaveDocument(documentId: string): Promise<void> {
    if (!this.connected) return;
    await this.connection!.invoke('LeaveDocument', documentId);
  }

  async updatePresence(documentId: string, block: number | null): Promise<void> {
    if (!this.connected) return;
    await this.connection!.invoke('UpdatePresence', documentId, block);
  }

  /**
   * Follows a project's agreement figures (AgreementChanged); counted, so two views can follow one project.
   * Rejects with the server's HubException in a blind project; the watch is still counted and tried again on reconnect.
   */
  async watchAgreement(projectId: string): Promise<void> {
    this.agreementWatchers.set(projectId, (this.agreementWatchers.get(projectId) ?? 0) + 1);
    await this.start();
    await this.connection!.invoke('WatchAgreement', projectId);
  }

  /** Asks again (after a visibility change, a blind project's refusal may no longer hold). */
  async rewatchAgreement(projectId: string): Promise<void> {
    if (!this.agreementWatchers.has(projectId)) return;
    await this.start();
    await this.connection!.invoke('WatchAgreement', projectId);
  }

  async unwatchAgreement(projectId: string): Promise<void> {
    const count = (this.agreementWatchers.get(projectId) ?? 0) - 1;
    if (count > 0) {
      this.agreementWatchers.set(projectId, count);
      return;
    }
    this.agreementWatchers.delete(projectId);
    if (this.connected) await this.connection!.invoke('UnwatchAgreement', projectId);
  }

  /** Follows a class's progress (ClassChanged); refused unless the caller is a curator or owner of the project. */
  async watchClass(projectId: string): Promise<void> {
    this.classWatchers.add(projectId);
    await this.start();
    await this.connection!.invoke('WatchClass', projectId);
  }

  async unwatchClass(projectId: string): Promise<void> {
    this.classWatchers.delete(projectId);
    if (this.connected) await this.connection!.invoke('UnwatchClass', projectId);
  }

  private build(): HubConnection {
    const connection = new HubConnectionBuilder()
      .withUrl(HUB_PATH)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => RETRY_MS[Math.min(ctx.previousRetryCount, RETRY_MS.length - 1)] ?? 10000 })
      // Dropped connections are expected (sleep, network changes) and handled; keep the console for real errors.
      .configureLogging(LogLevel.None)
      .build();
    connection.on('AnnotationChanged', (change: AnnotationChange) => this.emit((l) => l.annotationChanged?.(change)));
    connection.on('RelationChanged', (change: RelationChange) => this.emit((l) => l.relationChanged?.(change)));
    connection.on('PresenceChanged', (update: PresenceUpdate) => this.emit((l) => l.presenceChanged?.(update)));
    connection.on('VisibilityChanged', (mode: Visibility) => this.emit((l) => l.visibilityChanged?.(mode)));
    connection.on('DocumentChanged', (change: DocumentVersionChange) => this.emit((l) => l.documentChanged?.(change)));
    connection.on('AgreementChanged', (change: AgreementChange) => this.emit((l) => l.agreementChanged?.(change)));
    connection.on('ClassChanged', (change: ClassChange) => this.emit((l) => l.classChanged?.(change)));
    connection.on('AccessLost', (lost: AccessLost) => this.emit((l) => l.accessLost?.(lost)));
    connection.on('EditingChanged', (state: EditingState) => this.emit((l) => l.editingChanged?.(state)));
    connection.onreconnecting(() => this.setState('reconnecting'));
    connection.onreconnected(() => {
      this.setState('connected');
      void this.afterReconnect();
    });
    // Automatic reconnect gave up (or the server closed the connection): start again from scratch.
    connection.onclose(() => {
      this.setState('reconnecting');
      if (!this.restarting) this.scheduleRestart(connection, 2000);
    });
    this.connection = connection;
    return connection;
  }

  private async open(connection: HubConnection, attempt: number): Promise<void> {
    for (;;) {
      if (connection.state === HubConnectionState.Connected) {
        this.starting = null; // connected by the automatic reconnect, which reports it itself
        return;
      }
      if (connection.state === HubConnectionState.Disconnected) {
        try {
          await connection.start();
          this.starting = null;
          this.hurried = false;
          this.setState('connected');
          if (attempt > 0) void this.afterReconnect();
          return;
        } catch {
          attempt++;
          this.setState('reconnecting');
        }
      }
      // Still (re)connecting, or the start failed: look again shortly.
      const failed = connection.state === HubConnectionState.Disconnected;
      await this.pause(failed && !this.hurried ? RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 10000 : 250);
      if (failed) this.hurried = false;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private setState(state: HubState): void {
    if (this.hubState === state) return;
    this.hubState = state;
    this.emit((l) => l.connectionChanged?.(state));
  }

  /** A new connection is in no group: watch the agreement again before telling the views to catch up. */
  private async afterReconnect(): Promise<void> {
    await Promise.all([
      ...[...this.agreementWatchers.keys()].map((id) => this.connection!.invoke('WatchAgreement', id).catch(() => {})),
      ...[...this.classWatchers].map((id) => this.connection!.invoke('WatchClass', id).catch(() => {})),
    ]);
    this.emit((l) => l.reconnected?.());
  }

  private scheduleRestart(connection: HubConnection, ms: number): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = window.setTimeout(() => {
      if (connection.state !== HubConnectionState.Disconnected || this.starting) return;
      this.starting = this.open(connection, 1);
    }, ms);
  }

  private emit(call: (listener: HubListener) => void): void {
    for (const listener of [...this.listeners]) {
      try {
        call(listener);
      } catch (error) {
        console.error(error);
      }
    }
  }
}

/** The app's one hub connection, shared by every view that follows a document. */
export const annotationHub = new AnnotationHubClient();

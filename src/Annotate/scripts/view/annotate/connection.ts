import { annotationHub } from '../../api';
import { connectionOf, connectionText, type Connection } from '../../model/live/connection';
import { h } from '../dom';

/**
 * Watches the browser's network and the live hub, shows the state ("Live", "Reconnecting…", "Offline — …"), and
 * when the network returns reconnects at once and calls back() (to send what waits), instead of after the back-off.
 */
export class ConnectionWatch {
  readonly element = h('p', { class: 'connection-status', role: 'status', 'data-testid': 'connection', 'data-state': 'connecting' });
  state: Connection = 'connecting';
  private readonly unsubscribe: () => void;

  constructor(private readonly changed: (state: Connection) => void, private readonly back: () => void) {
    this.unsubscribe = annotationHub.subscribe({
      connectionChanged: () => this.update(),
      reconnected: () => this.back(),
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.update();
  }

  dispose(): void {
    this.unsubscribe();
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
  }

  private readonly onOnline = () => {
    this.update();
    annotationHub.reconnectNow();
    this.back();
  };

  private readonly onOffline = () => this.update();

  private update(): void {
    const state = connectionOf(navigator.onLine, annotationHub.state);
    const text = connectionText(state);
    this.element.dataset['state'] = state;
    this.element.title = text.detail;
    this.element.replaceChildren(h('span', { class: 'connection-dot', 'aria-hidden': 'true' }), text.label);
    if (state === this.state) return;
    this.state = state;
    this.changed(state);
  }
}

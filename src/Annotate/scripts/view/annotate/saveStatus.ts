import { ApiError } from '../../api';
import type { Connection } from '../../model/live/connection';
import { describeSave, type SaveState } from '../../model/session/saveText';
import { h, replace } from '../dom';

/**
 * "All changes saved", or "Unsaved" while any change has not reached the server: "Saving…", waiting for the
 * connection, or "Not saved" with the reason and a retry button; "Not saved" with the server's reason for a change
 * it refused, with a button to the field. Unsent changes are kept in the browser, so they survive a reload.
 */
export function saveStatus(retry: () => void, show: () => void) {
  const element = h('div', { class: 'save-status', role: 'status', 'data-testid': 'save-status', 'data-state': 'saved' });
  let last: SaveState = { status: 'saved', pending: 0, error: null, refused: [] };
  let connection: Connection = 'connecting';
  let frozen = false;
  function render(state: SaveState = last, now: Connection = connection): void {
    last = state;
    connection = now;
    const why = state.error instanceof ApiError ? state.error.title : 'The server could not be reached';
    const view = describeSave(state, connection, why, frozen);
    element.dataset['state'] = view.state;
    const icon = view.state === 'saved' ? '✓' : view.state === 'saving' || view.state === 'frozen' ? '' : '!';
    replace(element,
      h('span', { class: `save-icon${view.state === 'saving' ? ' spin' : ''}`, 'aria-hidden': 'true' }, icon),
      view.headline ? [h('strong', { class: 'unsaved' }, view.headline), ' · '] : null,
      h('span', { class: 'save-text', title: state.error instanceof ApiError ? state.error.detail ?? '' : '' }, view.text),
      view.retry ? h('button', { type: 'button', class: 'button link', onclick: retry }, 'Retry now') : null,
      view.show ? h('button', { type: 'button', class: 'button link', onclick: show }, 'Show') : null);
  }
  render();
  /** A discuss round froze editing (true) or a revise round opened it again. */
  function setFrozen(on: boolean): void {
    frozen = on;
    render();
  }
  return { element, render, setFrozen };
}

import { ApiError } from '../../api';
import type { OutboxState } from '../../model/outbox';
import { h, replace } from '../dom';

/**
 * "All changes saved", or "Unsaved" while any change has not reached the server: "Saving…", or "Not saved" with
 * the reason and a retry button. Unsent changes are kept in the browser, so they survive a reload.
 */
export function saveStatus(retry: () => void) {
  const element = h('div', { class: 'save-status', role: 'status', 'data-testid': 'save-status', 'data-state': 'saved' });
  function render(state: OutboxState): void {
    element.dataset['state'] = state.status;
    if (state.status === 'saved') {
      replace(element, h('span', { class: 'save-icon', 'aria-hidden': 'true' }, '✓'), 'All changes saved');
    } else if (state.status === 'saving') {
      replace(element, h('span', { class: 'save-icon spin', 'aria-hidden': 'true' }), h('strong', { class: 'unsaved' }, 'Unsaved'), ` · Saving ${state.pending === 1 ? '1 change' : `${state.pending} changes`}…`);
    } else {
      const why = state.error instanceof ApiError ? state.error.title : 'The server could not be reached';
      replace(element,
        h('span', { class: 'save-icon', 'aria-hidden': 'true' }, '!'),
        h('strong', { class: 'unsaved' }, 'Unsaved'), ' · ',
        h('span', { title: state.error instanceof ApiError ? state.error.detail ?? '' : '' }, `Not saved: ${why}. Retrying…`),
        h('button', { type: 'button', class: 'button link', onclick: retry }, 'Retry now'));
    }
  }
  render({ status: 'saved', pending: 0, error: null });
  return { element, render };
}

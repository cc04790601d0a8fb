import type { Session } from '../api/types';
import { h, replace } from './dom';

/** The signed-in name and the sign-out button in the header. */
export function renderUser(container: HTMLElement, session: Session, signOut: () => void): void {
  replace(container,
    h('span', { class: 'user-name', title: `Signed in as ${session.displayName}` },
      h('span', { class: 'visually-hidden' }, 'Signed in as '),
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(session.displayName)),
      h('span', { class: 'name', 'data-testid': 'user-name' }, session.displayName)),
    h('button', { type: 'button', class: 'button subtle', onclick: signOut }, 'Sign out'));
}

function initials(name: string): string {
  const letters = name.trim().split(/\s+/).slice(0, 2).map((part) => [...part][0] ?? '');
  return letters.join('').toLocaleUpperCase() || '?';
}

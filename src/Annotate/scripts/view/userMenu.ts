import type { Session } from '../api/types';
import { accountRoute, routeHref } from '../model/app/routes';
import { h, replace } from './dom';

export interface UserActions {
  signOut(): void;
  /** Opens the form where the person declares their own attributes (group…). */
  attributes(): void;
}

/** The signed-in name, the attributes form, the account page and the sign-out button in the header. */
export function renderUser(container: HTMLElement, session: Session, actions: UserActions): void {
  replace(container,
    h('span', { class: 'user-name', title: `Signed in as ${session.displayName}` },
      h('span', { class: 'visually-hidden' }, 'Signed in as '),
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(session.displayName)),
      h('span', { class: 'name', 'data-testid': 'user-name' }, session.displayName)),
    h('button', { type: 'button', class: 'button subtle', onclick: actions.attributes, 'data-testid': 'my-attributes', title: 'Your group or background, for perspective groups in agreement' }, 'Your attributes'),
    h('a', { href: routeHref(accountRoute), class: 'button subtle', 'data-testid': 'account-link', title: 'Your password and API tokens' }, 'Account'),
    h('button', { type: 'button', class: 'button subtle', onclick: actions.signOut }, 'Sign out'));
}

function initials(name: string): string {
  const letters = name.trim().split(/\s+/).slice(0, 2).map((part) => [...part][0] ?? '');
  return letters.join('').toLocaleUpperCase() || '?';
}

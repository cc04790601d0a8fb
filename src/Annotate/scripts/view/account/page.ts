import { accountApi } from '../../api';
import type { AppContext, View } from '../context';
import { h, replace } from '../dom';
import { passwordForm } from './passwordForm';
import { tokensSection } from './tokens';

/**
 * The signed-in person's own settings: their password (accounts only: a display-name person has none) and their
 * personal API tokens.
 */
export function accountView(ctx: AppContext): View {
  ctx.setTitle('Your account');
  const heading = h('h1', { id: 'account-title', tabindex: -1 }, 'Your account');
  const name = ctx.state.session?.displayName ?? '';
  const tokens = tokensSection(ctx);
  const password = h('div', { 'data-testid': 'password-slot' });
  const element = h('section', { class: 'page account-page', 'aria-labelledby': 'account-title' },
    h('div', { class: 'page-heading' }, heading),
    h('p', { class: 'lead' }, 'Signed in as ', h('strong', null, name), '.'),
    password,
    tokens.element);
  void accountApi.me().then((me) => {
    replace(password, me?.hasPassword
      ? passwordForm(ctx)
      : h('p', { class: 'hint', 'data-testid': 'no-password' }, 'You signed in with a display name on this machine, so there is no password to change.'));
  }, (error: unknown) => ctx.showError(error));
  return { element, focus: () => heading.focus(), dispose: tokens.dispose };
}

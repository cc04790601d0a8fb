import type { AppContext, View } from '../context';
import { h } from '../dom';
import { passwordForm } from './passwordForm';
import { tokensSection } from './tokens';

/** The signed-in person's own settings: their password and their personal API tokens. */
export function accountView(ctx: AppContext): View {
  ctx.setTitle('Your account');
  const heading = h('h1', { id: 'account-title', tabindex: -1 }, 'Your account');
  const name = ctx.state.session?.displayName ?? '';
  const tokens = tokensSection(ctx);
  const element = h('section', { class: 'page account-page', 'aria-labelledby': 'account-title' },
    h('div', { class: 'page-heading' }, heading),
    h('p', { class: 'lead' }, 'Signed in as ', h('strong', null, name), '.'),
    passwordForm(ctx),
    tokens.element);
  return { element, focus: () => heading.focus(), dispose: tokens.dispose };
}

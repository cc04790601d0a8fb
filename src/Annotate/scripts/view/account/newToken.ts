import type { NewApiToken } from '../../api';
import { tokenUsage } from '../../model/account/accountForms';
import type { AppContext } from '../context';
import { h } from '../dom';

/** The one showing of a new token's secret: read-only, selectable, copyable, with how to use it. */
export function newTokenPanel(ctx: AppContext, token: NewApiToken, done: () => void): { element: HTMLElement; focus(): void } {
  const usage = tokenUsage(location.origin, token.token);
  const heading = h('h3', { id: 'new-token-title', tabindex: -1 }, `Your new token “${token.name}”`);
  const field = h('input', {
    id: 'new-token', type: 'text', readonly: true, value: token.token, class: 'token-secret', spellcheck: 'false',
    autocomplete: 'off', 'aria-describedby': 'new-token-warning', 'data-testid': 'new-token',
  });
  const copy = h('button', { type: 'button', class: 'button' }, 'Copy');
  const close = h('button', { type: 'button', class: 'button subtle' }, 'I have saved it');
  const element = h('section', { class: 'banner warning new-token', 'aria-labelledby': 'new-token-title', 'data-testid': 'new-token-panel' },
    heading,
    h('p', { id: 'new-token-warning' }, h('strong', null, 'Copy it now: you will not see it again.'), ' Annotate keeps only a fingerprint of it. If you lose it, revoke it and create another.'),
    h('div', { class: 'field' }, h('label', { for: 'new-token' }, 'Token'), h('div', { class: 'copy-row' }, field, copy)),
    h('p', null, 'Send it with every API request as a header:'),
    h('pre', null, h('code', null, usage.header)),
    h('p', null, 'For example:'),
    h('pre', null, h('code', null, usage.curl)),
    h('p', null, 'The live hub (WebSockets cannot send headers) takes it as the ', h('code', null, 'access_token'), ' query parameter:'),
    h('pre', null, h('code', null, usage.hub)),
    h('div', { class: 'form-actions' }, close));

  field.addEventListener('focus', () => field.select());
  copy.addEventListener('click', async () => {
    field.select();
    try {
      await navigator.clipboard.writeText(token.token);
      copy.textContent = 'Copied';
      ctx.announce('Token copied to the clipboard.');
    } catch {
      // No clipboard access (an insecure origin, or permission refused): the text is selected for Ctrl+C.
      field.focus();
      ctx.announce('Could not copy: the token is selected, press Ctrl+C to copy it.');
    }
  });
  close.addEventListener('click', done);
  return { element, focus: () => field.focus() };
}

import { accountApi, ApiError, type ApiToken } from '../../api';
import { problemText, sortTokens, tokenNameMaxLength, tokenNameProblem } from '../../model/account/accountForms';
import { formatDateTime } from '../../model/shared/format';
import { isAbort } from '../cache';
import type { AppContext } from '../context';
import { h, replace } from '../dom';
import { formField } from '../formField';
import { newTokenPanel } from './newToken';

/** Personal API tokens: create one (its secret shown once), see when each was last used, revoke. */
export function tokensSection(ctx: AppContext): { element: HTMLElement; dispose(): void } {
  const abort = new AbortController();
  const name = formField('token-name', 'Token name', { name: 'name', type: 'text', maxlength: tokenNameMaxLength, autocomplete: 'off', spellcheck: 'false' },
    'What the token is for, e.g. "export script". Anyone with the token can act as you.');
  const create = h('button', { type: 'submit', class: 'button primary' }, 'Create token');
  const created = h('div', { class: 'new-token-slot' });
  const list = h('div', { 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Loading your tokens…'));
  const form = h('form', { class: 'token-create', novalidate: true, 'aria-label': 'Create an API token', 'data-testid': 'token-form' },
    name.element, h('div', { class: 'form-actions' }, create));
  const element = h('section', { class: 'account-card', 'aria-labelledby': 'tokens-title', 'data-testid': 'tokens' },
    h('h2', { id: 'tokens-title' }, 'Personal API tokens'),
    h('p', { class: 'hint' }, 'For scripts and tools that use the Annotate API in your name, with exactly your rights. Revoke a token you no longer need.'),
    form, created,
    h('h3', null, 'Your tokens'),
    list);

  async function load(): Promise<void> {
    try {
      render(await accountApi.tokens(abort.signal));
    } catch (error) {
      if (isAbort(error)) return;
      list.removeAttribute('aria-busy');
      replace(list, h('p', { class: 'field-error' }, error instanceof ApiError ? problemText(error.title, error.detail) : 'Your tokens could not be loaded.'));
    }
  }

  function render(tokens: ApiToken[]): void {
    list.removeAttribute('aria-busy');
    if (tokens.length === 0) return replace(list, h('p', { class: 'empty' }, 'You have no API tokens yet.'));
    const date = (iso: string | null, none: string) => (iso ? h('time', { datetime: iso }, formatDateTime(iso)) : none);
    replace(list, h('div', { class: 'table-wrap' },
      h('table', { class: 'token-table', 'data-testid': 'token-table' },
        h('caption', { class: 'visually-hidden' }, 'Your API tokens'),
        h('thead', null, h('tr', null, ['Name', 'Created', 'Last used', 'Status', 'Actions'].map((label) =>
          h('th', { scope: 'col', class: label === 'Actions' ? 'actions' : null }, label === 'Actions' ? h('span', { class: 'visually-hidden' }, label) : label)))),
        h('tbody', null, sortTokens(tokens).map((token) =>
          h('tr', { 'data-token-id': token.id, class: token.revokedAt ? 'revoked' : null },
            h('th', { scope: 'row' }, token.name),
            h('td', null, date(token.createdAt, '')),
            h('td', null, date(token.lastUsedAt, 'Never')),
            h('td', null, token.revokedAt ? ['Revoked ', date(token.revokedAt, '')] : h('span', { class: 'state-pill idle' }, 'Active')),
            h('td', { class: 'actions' }, token.revokedAt ? null : revokeControl(token))))))));
  }

  /** Revoking cannot be undone, so it asks first, in place: keyboard focus stays in the row. */
  function revokeControl(token: ApiToken): HTMLElement {
    const cell = h('div', { class: 'revoke' });
    const ask = h('button', { type: 'button', class: 'button subtle', 'aria-label': `Revoke ${token.name}` }, 'Revoke');
    const show = () => replace(cell, ask);
    ask.addEventListener('click', () => {
      const confirm = h('button', { type: 'button', class: 'button danger' }, 'Yes, revoke');
      const cancel = h('button', { type: 'button', class: 'button subtle' }, 'Cancel');
      const question = h('span', { class: 'revoke-question', role: 'alert' }, `Revoke “${token.name}”? Scripts using it stop working at once.`);
      replace(cell, question, confirm, cancel);
      confirm.focus();
      cancel.addEventListener('click', () => { show(); ask.focus(); });
      cell.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') { event.preventDefault(); show(); ask.focus(); }
      });
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        try {
          await accountApi.revokeToken(token.id);
          ctx.announce(`Token ${token.name} revoked.`);
          await load();
          element.querySelector<HTMLElement>('#tokens-title')?.focus();
        } catch (error) {
          confirm.disabled = false;
          ctx.showError(error);
        }
      });
    });
    show();
    return cell;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = tokenNameProblem(name.input.value);
    if (problem) {
      name.setError(problem);
      return name.input.focus();
    }
    create.disabled = true;
    try {
      const token = await accountApi.createToken(name.input.value.trim());
      form.reset();
      const panel = newTokenPanel(ctx, token, () => { created.replaceChildren(); name.input.focus(); });
      replace(created, panel.element);
      panel.focus();
      void load();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        name.setError(error.problem.errors?.['name']?.join(' ') ?? problemText(error.title, error.detail));
        name.input.focus();
      } else ctx.showError(error);
    } finally {
      create.disabled = false;
    }
  });

  void load();
  return { element, dispose: () => abort.abort() };
}

import { ApiError, sessionApi } from '../api';
import type { Session } from '../api/types';
import type { AppContext, View } from './context';
import { h } from './dom';

const maxLength = 64;

/** Until accounts exist, a display name is all it takes to sign in. */
export function signInView(ctx: AppContext, signedIn: (session: Session) => void): View {
  ctx.setTitle('Sign in');
  const input = h('input', {
    id: 'display-name', name: 'displayName', type: 'text', required: true, maxlength: maxLength,
    autocomplete: 'nickname', spellcheck: 'false', 'aria-describedby': 'display-name-hint',
  });
  const message = h('p', { id: 'display-name-error', class: 'field-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Sign in');
  const form = h('form', { class: 'sign-in', novalidate: true, 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, 'Sign in to Annotate'),
    h('p', { class: 'lead' }, 'Read and annotate news articles together with your team.'),
    h('div', { class: 'field' },
      h('label', { for: 'display-name' }, 'Display name'),
      input,
      h('p', { id: 'display-name-hint', class: 'hint' }, `The name other annotators will see, up to ${maxLength} characters.`),
      message),
    submit);

  const fail = (text: string) => {
    message.textContent = text;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'display-name-hint display-name-error');
    input.focus();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (name.length === 0) return fail('Enter a display name.');
    if (name.length > maxLength) return fail(`Use at most ${maxLength} characters.`);
    submit.disabled = true;
    try {
      signedIn(await sessionApi.signIn(name));
    } catch (error) {
      submit.disabled = false;
      if (error instanceof ApiError && error.status === 400) fail(error.detail ?? error.title);
      else ctx.showError(error);
    }
  });
  input.addEventListener('input', () => {
    message.textContent = '';
    input.removeAttribute('aria-invalid');
  });

  return { element: h('div', { class: 'page sign-in-page' }, form), focus: () => input.focus() };
}

import { ApiError, sessionApi } from '../api';
import type { Session } from '../api/types';
import { firstInvalid, problemText, serverFieldErrors, signInProblems, type SignInField } from '../model/account/accountForms';
import type { AppContext, View } from './context';
import { h } from './dom';
import { formField } from './formField';
import { joinRoute, routeHref } from '../model/app/routes';

const maxLength = 64;
const accountFields = ['userName', 'password'] as const;

/**
 * Two ways in: an account (user name and password), or, on a server for this machine only, just a display name.
 * The server says which works from here: on this machine the display name comes first (and may make one the
 * owner), over the network the account form does.
 */
export function signInView(ctx: AppContext, signedIn: (session: Session) => void): View {
  ctx.setTitle('Sign in');
  const account = accountForm(ctx, signedIn);
  const displayName = displayNameForm(ctx, signedIn, account.steer);
  const or = h('p', { class: 'sign-in-or', 'aria-hidden': 'true' }, 'or');
  // The forms are drawn once the server has said which way in works here, in that order: moving them later
  // would take the focus from someone already typing (and their next keys with it).
  const options = h('div', { class: 'sign-in-options', 'aria-busy': 'true' });
  const element = h('div', { class: 'page sign-in-page' },
    h('div', { class: 'sign-in' },
      h('h1', { id: 'sign-in-title' }, 'Sign in to Annotate'),
      h('p', { class: 'lead' }, 'Read and annotate news articles together with your team.'),
      options,
      h('p', { class: 'join-other' }, 'A student? ', h('a', { href: routeHref(joinRoute()), 'data-testid': 'join-class-link' }, 'Join a class with a code'))));
  let local: boolean | null = null;
  let focusWanted = false;
  const focus = () => (local ? displayName.focus() : account.focus());
  const draw = (displayNameWorks: boolean) => {
    local = displayNameWorks;
    options.dataset['mode'] = local ? 'local' : 'network';
    options.removeAttribute('aria-busy');
    if (local) {
      options.replaceChildren(displayName.element, or, account.element);
      // The way in that works here is the main action.
      displayName.submit.classList.add('primary');
      account.submit.classList.remove('primary');
    } else {
      options.replaceChildren(account.element, or, displayName.element);
    }
    if (focusWanted) focus();
  };
  void sessionApi.options().then((answer) => draw(answer.displayName), () => draw(false));
  return {
    element,
    focus: () => {
      if (local === null) focusWanted = true;
      else focus();
    },
  };
}

function accountForm(ctx: AppContext, signedIn: (session: Session) => void) {
  const userName = formField('user-name', 'User name', {
    name: 'username', type: 'text', required: true, autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false',
  });
  const password = formField('password', 'Password', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  const fields = { userName, password } satisfies Record<SignInField, unknown>;
  const message = h('p', { id: 'account-sign-in-error', class: 'field-error form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Sign in');
  const element = h('form', { class: 'sign-in-option', novalidate: true, 'aria-labelledby': 'account-sign-in-title', 'data-testid': 'account-sign-in-form' },
    h('h2', { id: 'account-sign-in-title' }, 'Sign in with your account'),
    userName.element, password.element, message, submit);

  const showFieldErrors = (errors: Partial<Record<SignInField, string>>) => {
    for (const field of accountFields) fields[field].setError(errors[field]);
    const first = firstInvalid(accountFields, errors);
    if (first) fields[first].input.focus();
    return first !== null;
  };

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    if (showFieldErrors(signInProblems(userName.input.value, password.input.value))) return;
    submit.disabled = true;
    try {
      signedIn(await sessionApi.signInWithAccount(userName.input.value.trim(), password.input.value));
    } catch (error) {
      submit.disabled = false;
      if (!(error instanceof ApiError)) return ctx.showError(error);
      if (error.status === 400 && error.problem.errors) {
        const { fields: errors, other } = serverFieldErrors(error.problem.errors, accountFields);
        message.textContent = other;
        if (!showFieldErrors(errors) && !other) message.textContent = problemText(error.title, error.detail);
      } else if (error.status === 401 || error.status === 429 || error.status === 403 || error.status === 400) {
        // Wrong name or password, or too many failures from here for a while: the server's words, and a fresh try at the password.
        message.textContent = problemText(error.title, error.detail);
        password.input.select();
        password.input.focus();
      } else {
        ctx.showError(error);
      }
    }
  });

  return {
    element,
    submit,
    focus: () => userName.input.focus(),
    /** Brings the person here when the server would not take a display name. */
    steer: () => {
      element.classList.add('is-needed');
      userName.input.focus();
    },
  };
}

function displayNameForm(ctx: AppContext, signedIn: (session: Session) => void, needAccount: () => void) {
  const field = formField('display-name', 'Display name', {
    name: 'displayName', type: 'text', required: true, maxlength: maxLength, autocomplete: 'nickname', spellcheck: 'false',
  }, `The name other annotators will see, up to ${maxLength} characters. Works only when Annotate runs on this machine.`);
  const { input } = field;
  const owner = h('input', { type: 'checkbox', id: 'sign-in-owner', name: 'owner', 'data-testid': 'sign-in-owner' });
  const ownerChoice = h('div', { class: 'choice sign-in-owner' },
    owner,
    h('label', { for: 'sign-in-owner' }, 'I run Annotate on this machine: make me the owner'),
    h('p', { class: 'hint', id: 'sign-in-owner-hint' },
      'The owner curates the gold layer, exports, and changes the project’s settings, and sees everyone’s work even in blind mode. Colleagues who only annotate leave this unticked.'));
  owner.setAttribute('aria-describedby', 'sign-in-owner-hint');
  const submit = h('button', { type: 'submit', class: 'button' }, 'Sign in');
  const element = h('form', { class: 'sign-in-option', novalidate: true, 'aria-labelledby': 'display-name-sign-in-title', 'data-testid': 'display-name-form' },
    h('h2', { id: 'display-name-sign-in-title' }, 'Just a display name (on this machine)'),
    field.element, ownerChoice, submit);

  const fail = (text: string) => {
    field.setError(text);
    input.focus();
  };

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = input.value.trim();
    if (name.length === 0) return fail('Enter a display name.');
    if (name.length > maxLength) return fail(`Use at most ${maxLength} characters.`);
    submit.disabled = true;
    try {
      signedIn(await sessionApi.signIn(name, owner.checked));
    } catch (error) {
      submit.disabled = false;
      if (error instanceof ApiError && error.status === 400) fail(error.detail ?? error.title);
      else if (error instanceof ApiError && error.status === 403) {
        // A server reachable from the network takes accounts only: say so, and move to the account form.
        field.setError(problemText(error.title, error.detail));
        needAccount();
      } else ctx.showError(error);
    }
  });

  return { element, submit, focus: () => input.focus() };
}

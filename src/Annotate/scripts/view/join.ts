import { ApiError, classroomApi } from '../api';
import type { Session } from '../api/types';
import { problemText } from '../model/account/accountForms';
import { codeLength, displayNameMaxLength, firstJoinProblem, groupMaxLength, joinFieldErrors, joinProblems, joinRequest, type JoinField } from '../model/classroom/classroom';
import type { AppContext, View } from './context';
import { h, replace } from './dom';
import { formField } from './formField';

/**
 * A student joins a class: the code their teacher gave (prefilled from the link), a display name and, if they
 * like, their group. No account and no password: the server signs them in as an annotator of the class's project.
 */
export function joinView(ctx: AppContext, code: string, joined: (session: Session) => void): View {
  ctx.setTitle('Join a class');
  const fields = {
    code: formField('join-code', 'Class code', {
      name: 'code', type: 'text', required: true, value: code, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false',
      class: 'join-code-input',
    }, `${codeLength} letters and digits, from your teacher.`),
    displayName: formField('join-name', 'Your name', {
      name: 'displayName', type: 'text', required: true, maxlength: displayNameMaxLength, autocomplete: 'nickname', spellcheck: 'false',
    }, 'The name your teacher and classmates will see.'),
    group: formField('join-group', 'Group (optional)', {
      name: 'group', type: 'text', maxlength: groupMaxLength, autocomplete: 'off', spellcheck: 'false',
    }, 'If your teacher split the class into groups, the name of yours; otherwise leave it empty.'),
  } satisfies Record<JoinField, unknown>;
  const message = h('p', { id: 'join-error', class: 'field-error form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Join the class');
  const heading = h('h1', { id: 'join-title', tabindex: -1 }, 'Join a class');
  const form = h('form', { class: 'sign-in-option', novalidate: true, 'aria-labelledby': 'join-title', 'data-testid': 'join-form' },
    fields.code.element, fields.displayName.element, fields.group.element, message, submit);
  const element = h('div', { class: 'page sign-in-page join-page' },
    h('div', { class: 'sign-in' },
      heading,
      h('p', { class: 'lead' }, 'Annotate news articles with your class. Your teacher gives you the code.'),
      form,
      ctx.state.session ? null : h('p', { class: 'join-other' }, 'Have an account? ', h('a', { href: '/' }, 'Sign in instead'))));

  const show = (errors: Partial<Record<JoinField, string>>) => {
    for (const field of Object.keys(fields) as JoinField[]) fields[field].setError(errors[field]);
    const first = firstJoinProblem(errors);
    if (first) fields[first].input.focus();
    return first !== null;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    const [c, n, g] = [fields.code.input.value, fields.displayName.input.value, fields.group.input.value];
    if (show(joinProblems(c, n, g))) return;
    submit.disabled = true;
    try {
      const session = await classroomApi.join(joinRequest(c, n, g));
      if (session.displayName === n.trim()) return joined(session);
      // Someone in the class already has this name: say which name this person has here before going on.
      const go = h('button', { type: 'button', class: 'button primary', 'data-testid': 'join-continue', onclick: () => joined(session) }, 'Continue');
      replace(form, h('p', { class: 'banner', role: 'status', 'data-testid': 'join-renamed' },
        `Someone in this class is already called “${n.trim()}”, so you are “${session.displayName}” here.`), h('div', { class: 'form-actions' }, go));
      go.focus();
    } catch (error) {
      submit.disabled = false;
      if (!(error instanceof ApiError)) return ctx.showError(error);
      if (error.status === 404) {
        show({ code: 'No open class has this code. Check it with your teacher: the class may have been closed or given a new code.' });
      } else if (error.status === 400 && error.problem.errors) {
        const { fields: errors, other } = joinFieldErrors(error.problem.errors);
        message.textContent = other;
        if (!show(errors) && !other) message.textContent = problemText(error.title, error.detail);
      } else if (error.status === 400 || error.status === 429) {
        message.textContent = problemText(error.title, error.detail);
      } else {
        ctx.showError(error);
      }
    }
  });

  return { element, focus: () => (code ? fields.displayName.input : fields.code.input).focus() };
}

import { accountApi, ApiError } from '../../api';
import {
  firstInvalid, passwordChangeProblems, passwordMinLength, problemText, serverFieldErrors, type PasswordField,
} from '../../model/account/accountForms';
import type { AppContext } from '../context';
import { h } from '../dom';
import { formField, type FormField } from '../formField';

const order = ['currentPassword', 'newPassword', 'repeatPassword'] as const;

/** Changing one's own password (accounts only: a display-name session has none, and the server says so). */
export function passwordForm(ctx: AppContext): HTMLElement {
  const fields: Record<PasswordField, FormField> = {
    currentPassword: formField('current-password', 'Current password', { name: 'currentPassword', type: 'password', autocomplete: 'current-password' }),
    newPassword: formField('new-password', 'New password', { name: 'newPassword', type: 'password', autocomplete: 'new-password', minlength: passwordMinLength },
      `At least ${passwordMinLength} characters. A few unrelated words make a good one.`),
    repeatPassword: formField('repeat-password', 'Repeat the new password', { name: 'repeatPassword', type: 'password', autocomplete: 'new-password' }),
  };
  const status = h('p', { class: 'form-status', role: 'status', 'data-testid': 'password-status' });
  const message = h('p', { class: 'field-error form-error', role: 'alert', 'data-testid': 'password-error' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, 'Change password');
  const form = h('form', { class: 'account-card', novalidate: true, 'aria-labelledby': 'password-title', 'data-testid': 'password-form' },
    h('h2', { id: 'password-title' }, 'Password'),
    order.map((field) => fields[field].element),
    message,
    h('div', { class: 'form-actions' }, submit),
    status);

  const showErrors = (errors: Partial<Record<PasswordField, string>>): boolean => {
    for (const field of order) fields[field].setError(errors[field]);
    const first = firstInvalid(order, errors);
    if (first) fields[first].input.focus();
    return first !== null;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    status.textContent = '';
    message.textContent = '';
    const change = {
      currentPassword: fields.currentPassword.input.value,
      newPassword: fields.newPassword.input.value,
      repeatPassword: fields.repeatPassword.input.value,
    };
    if (showErrors(passwordChangeProblems(change))) return;
    submit.disabled = true;
    try {
      await accountApi.changePassword(change.currentPassword, change.newPassword);
      form.reset();
      status.textContent = 'Your password has been changed. Use the new one next time you sign in.';
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 400) return ctx.showError(error);
      const { fields: errors, other } = serverFieldErrors(error.problem.errors, order);
      const shown = showErrors(errors);
      message.textContent = other || (shown ? '' : problemText(error.title, error.detail));
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

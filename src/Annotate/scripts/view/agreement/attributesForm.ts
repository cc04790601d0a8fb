import { ApiError, annotatorsApi } from '../../api';
import type { ProjectAnnotator } from '../../api/agreement';
import { attributeNames } from '../../model/agreement/agreementPairs';
import { attributeProblem, attributesBody, fieldOfError, type AttributeEntry } from '../../model/agreement/agreementAttributes';
import type { AppContext } from '../context';
import { h, replace } from '../dom';

let formCount = 0;

/**
 * The signed-in person declares their own attributes (group, background, reading role…), which the agreement page
 * can group annotators by. Only one's own: the server takes the person from the session.
 */
export function attributesForm(ctx: AppContext, project: () => string | Promise<string>, onSaved: (me: ProjectAnnotator) => void) {
  const id = `attributes-${++formCount}`;
  let before: Record<string, string> = {};
  const rows = h('div', { class: 'attribute-rows' });
  const known = h('datalist', { id: `${id}-names` });
  const status = h('p', { class: 'form-status', role: 'status' });
  const add = h('button', { type: 'button', class: 'button subtle' }, '+ Add an attribute');
  const save = h('button', { type: 'submit', class: 'button primary' }, 'Save');
  const form = h('form', { class: 'attributes-form', 'aria-labelledby': `${id}-title`, 'data-testid': 'attributes-form', novalidate: true },
    h('h3', { id: `${id}-title` }, 'Your attributes'),
    h('p', { class: 'hint' }, 'Say which group or background you annotate from, so agreement can be compared within and between groups. Others see these. Names: lower-case letters, digits, _ and -.'),
    rows, known,
    h('div', { class: 'form-actions' }, add, save),
    status);

  function row(entry: AttributeEntry): HTMLElement {
    const n = rows.children.length;
    const name = h('input', { type: 'text', value: entry.name, list: `${id}-names`, maxlength: 40, autocomplete: 'off', spellcheck: 'false', 'aria-label': `Attribute ${n + 1} name`, 'data-role': 'name' });
    const value = h('input', { type: 'text', value: entry.value, maxlength: 100, autocomplete: 'off', 'aria-label': `Attribute ${n + 1} value`, 'data-role': 'value' });
    const error = h('span', { class: 'field-error', id: `${id}-error-${n}` });
    const remove = h('button', { type: 'button', class: 'button subtle icon', 'aria-label': `Remove attribute ${n + 1}`, title: 'Remove' }, '×');
    const element = h('div', { class: 'attribute-row' }, name, h('span', { 'aria-hidden': 'true' }, '='), value, remove, error);
    remove.addEventListener('click', () => {
      element.remove();
      (rows.querySelector<HTMLInputElement>('input') ?? add).focus();
    });
    return element;
  }

  function entries(): { entry: AttributeEntry; element: HTMLElement }[] {
    return [...rows.querySelectorAll<HTMLElement>('.attribute-row')].map((element) => ({
      element,
      entry: {
        name: element.querySelector<HTMLInputElement>('[data-role=name]')!.value,
        value: element.querySelector<HTMLInputElement>('[data-role=value]')!.value,
      },
    }));
  }

  function showError(element: HTMLElement, message: string | null): void {
    const name = element.querySelector<HTMLInputElement>('[data-role=name]')!;
    const error = element.querySelector<HTMLElement>('.field-error')!;
    error.textContent = message ?? '';
    if (message) {
      name.setAttribute('aria-invalid', 'true');
      name.setAttribute('aria-describedby', error.id);
    } else {
      name.removeAttribute('aria-invalid');
      name.removeAttribute('aria-describedby');
    }
  }

  function fill(attributes: Record<string, string>): void {
    before = { ...attributes };
    const list = Object.entries(attributes).map(([name, value]) => ({ name, value }));
    replace(rows, ...(list.length ? list : [{ name: 'group', value: '' }]).map(row));
  }

  add.addEventListener('click', () => {
    const element = row({ name: '', value: '' });
    rows.append(element);
    element.querySelector('input')!.focus();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const list = entries();
    let firstBad: HTMLElement | null = null;
    for (const { entry, element } of list) {
      const blank = !entry.name.trim() && !entry.value.trim();
      const problem = blank ? null : attributeProblem(entry);
      showError(element, problem);
      if (problem) firstBad ??= element;
    }
    if (firstBad) {
      firstBad.querySelector('input')!.focus();
      status.textContent = 'Please correct the attribute marked.';
      return;
    }
    save.disabled = true;
    status.textContent = 'Saving…';
    Promise.resolve(project()).then((id) => annotatorsApi.setMine(id, attributesBody(before, list.map((l) => l.entry)))).then((me) => {
      fill(me.attributes ?? {});
      status.textContent = 'Saved.';
      onSaved(me);
    }, (error: unknown) => {
      if (error instanceof ApiError && error.status === 400 && error.problem.errors) {
        for (const [key, messages] of Object.entries(error.problem.errors)) {
          const field = fieldOfError(key);
          const target = list.find((l) => l.entry.name.trim() === field)?.element;
          if (target) showError(target, messages.join(' '));
        }
        status.textContent = error.detail ?? error.title;
      } else {
        status.textContent = 'Could not save.';
        ctx.showError(error);
      }
    }).finally(() => (save.disabled = false));
  });

  return {
    element: form,
    /** Loads the person's attributes and the names others use (offered as suggestions). */
    async load(signal?: AbortSignal): Promise<void> {
      delete form.dataset['loaded'];
      const all = await annotatorsApi.list(await project(), signal);
      const me = all.find((a) => a.id === ctx.state.session?.userId);
      replace(known, attributeNames(all).map((name) => h('option', { value: name })));
      fill(me?.attributes ?? {});
      form.dataset['loaded'] = 'true';
    },
  };
}

/** The same form in a dialog, for the user menu: the attributes in the current project. */
export function attributesDialog(ctx: AppContext): { open(): void; element: HTMLDialogElement } {
  const form = attributesForm(ctx, () => ctx.projectId(), () => ctx.announce('Your attributes were saved.'));
  const close = h('button', { type: 'button', class: 'button' }, 'Close');
  const dialog = h('dialog', { class: 'attributes-dialog', 'aria-label': 'Your attributes' }, form.element, h('div', { class: 'dialog-actions' }, close));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  return {
    element: dialog,
    open() {
      if (!dialog.isConnected) document.body.append(dialog);
      form.load().then(() => dialog.querySelector<HTMLInputElement>('input')?.focus(), (error: unknown) => ctx.showError(error));
      if (!dialog.open) dialog.showModal();
    },
  };
}

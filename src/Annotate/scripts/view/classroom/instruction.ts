import { ApiError, classroomApi } from '../../api';
import { problemText } from '../../model/account/accountForms';
import { instructionMaxLength, instructionProblem, normalizeInstruction } from '../../model/classroom/work';
import type { AppContext } from '../context';
import { h } from '../dom';

/**
 * The instruction students read at the top of "Your documents": plain text, written here by the owner (a curator
 * reads it). The 3-second refresh never overwrites what the teacher is typing: only a saved text is shown again.
 */
export function instructionPanel(ctx: AppContext, projectId: string) {
  const text = h('textarea', {
    id: 'class-instruction-text', rows: 4, maxlength: instructionMaxLength, 'aria-describedby': 'instruction-count instruction-error',
    placeholder: 'e.g. Read each article, mark the frames, give its stance, then press Done.', 'data-testid': 'instruction-input',
  });
  const count = h('p', { id: 'instruction-count', class: 'instruction-count' });
  const error = h('p', { id: 'instruction-error', class: 'field-error', role: 'alert' });
  const save = h('button', { type: 'submit', class: 'button', 'data-testid': 'instruction-save' }, 'Save instruction');
  const form = h('form', { class: 'instruction-form', novalidate: true },
    h('label', { for: 'class-instruction-text' }, 'What students should do'), text, count, error, h('div', { class: 'form-actions' }, save));
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'class-instruction-title', 'data-testid': 'class-instruction-panel' },
    h('h2', { id: 'class-instruction-title' }, 'Instruction for students'),
    h('p', { class: 'class-count' }, 'Students read it above their documents. Plain text; line breaks are kept.'), form);
  /** The text as last saved (or loaded): what the field shows while the teacher is not changing it. */
  let saved = '';

  const counted = () => (count.textContent = `${normalizeInstruction(text.value).length} / ${instructionMaxLength} characters`);
  text.addEventListener('input', () => {
    error.textContent = '';
    text.removeAttribute('aria-invalid');
    counted();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = instructionProblem(text.value);
    if (problem) {
      error.textContent = problem;
      text.setAttribute('aria-invalid', 'true');
      text.focus();
      return;
    }
    save.disabled = true;
    try {
      const stored = await classroomApi.setInstruction(normalizeInstruction(text.value), projectId);
      saved = stored.text ?? '';
      text.value = saved;
      counted();
      ctx.announce(saved ? 'Instruction saved: students see it above their documents.' : 'Instruction removed.');
    } catch (failure) {
      if (!(failure instanceof ApiError) || ![400, 403].includes(failure.status)) return ctx.showError(failure);
      error.textContent = Object.values(failure.problem.errors ?? {}).flat().join(' ') || problemText(failure.title, failure.detail);
      text.focus();
    } finally {
      save.disabled = false;
    }
  });

  /** A dashboard came: show its instruction unless the teacher is editing; only the owner may change it. */
  function render(instruction: string | null | undefined, owner: boolean): void {
    const next = instruction ?? '';
    if (text.value === saved && document.activeElement !== text) text.value = next;
    saved = next;
    text.readOnly = !owner;
    save.hidden = !owner;
    counted();
  }

  return { element, render };
}

import { ApiError, assignmentApi, projectsApi, type Assignment } from '../../api';
import { problemText } from '../../model/account/accountForms';
import { assignmentRequest, assignmentSummary, maxAnnotatorsPerDocument } from '../../model/classroom/people';
import type { AppContext } from '../context';
import { h } from '../dom';

/**
 * "Documents": everyone gets every document, or each document goes to k students (dealt out again on Apply);
 * and whether students see the codebook's examples. Owners only.
 */
export function documentsPanel(ctx: AppContext, projectId: string, changed: () => void) {
  const all = h('input', { type: 'radio', name: 'assignment-mode', id: 'assignment-all', value: 'all', checked: true, 'data-testid': 'assignment-all' });
  const spread = h('input', { type: 'radio', name: 'assignment-mode', id: 'assignment-spread', value: 'spread', 'data-testid': 'assignment-spread' });
  const perDocument = h('input', {
    type: 'number', id: 'assignment-k', min: 1, max: maxAnnotatorsPerDocument, step: 1, value: 2, class: 'assignment-k',
    'aria-describedby': 'assignment-error', 'data-testid': 'assignment-k',
  });
  const error = h('p', { id: 'assignment-error', class: 'field-error', role: 'alert' });
  const apply = h('button', { type: 'submit', class: 'button', 'data-testid': 'assignment-apply' }, 'Apply');
  const summary = h('p', { class: 'assignment-summary', role: 'status', 'data-testid': 'assignment-summary' }, 'Loading…');
  const form = h('form', { class: 'assignment-form', novalidate: true },
    h('fieldset', null,
      h('legend', null, 'Who gets which document'),
      h('div', { class: 'choice' }, all, h('label', { for: 'assignment-all' }, 'Everyone gets every document')),
      h('div', { class: 'choice' }, spread,
        h('label', { for: 'assignment-spread' }, 'Spread: each document gets'), ' ', perDocument, ' ',
        h('label', { for: 'assignment-k' }, 'annotators'))),
    error,
    h('div', { class: 'form-actions' }, apply));
  const examples = h('input', { type: 'checkbox', id: 'show-examples', disabled: true, 'data-testid': 'show-examples' });
  const examplesError = h('p', { class: 'field-error', role: 'alert' });
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'class-documents-title', 'data-testid': 'class-documents' },
    h('h2', { id: 'class-documents-title' }, 'Documents'), summary, form,
    h('div', { class: 'field' }, h('label', { class: 'toggle', for: 'show-examples' }, examples, 'Codebook examples visible to students'), examplesError));

  perDocument.addEventListener('focus', () => (spread.checked = true));
  perDocument.addEventListener('input', () => (error.textContent = ''));

  function show(assignment: Assignment): void {
    (assignment.mode === 'spread' ? spread : all).checked = true;
    if (assignment.annotatorsPerDocument) perDocument.value = String(assignment.annotatorsPerDocument);
    summary.textContent = assignmentSummary(assignment);
    element.dataset['mode'] = assignment.mode;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const wanted = assignmentRequest(spread.checked ? 'spread' : 'all', perDocument.value);
    if ('error' in wanted) {
      error.textContent = wanted.error;
      perDocument.focus();
      return;
    }
    apply.disabled = true;
    try {
      const assignment = await assignmentApi.set(wanted.request, projectId);
      show(assignment);
      ctx.announce(assignmentSummary(assignment));
      changed();
    } catch (failure) {
      if (!(failure instanceof ApiError) || ![400, 403].includes(failure.status)) return ctx.showError(failure);
      const errors = failure.problem.errors ?? {};
      error.textContent = Object.values(errors).flat().join(' ') || problemText(failure.title, failure.detail);
      if (errors['annotatorsPerDocument']) perDocument.focus();
    } finally {
      apply.disabled = false;
    }
  });

  examples.addEventListener('change', async () => {
    examplesError.textContent = '';
    const wanted = examples.checked;
    examples.disabled = true;
    try {
      const project = await projectsApi.setShowCodebookExamples(wanted, projectId);
      examples.checked = project?.showCodebookExamples ?? wanted;
      ctx.announce(examples.checked ? 'Students see the codebook examples.' : 'Codebook examples are hidden from students.');
    } catch (failure) {
      examples.checked = !wanted;
      if (failure instanceof ApiError && failure.status !== 401) examplesError.textContent = problemText(failure.title, failure.detail);
      else ctx.showError(failure);
    } finally {
      examples.disabled = false;
    }
  });

  /** Loads the current settings (the caller knows it is an owner, so neither call is refused). */
  async function load(signal: AbortSignal): Promise<void> {
    const [assignment, project] = await Promise.all([assignmentApi.get(projectId, signal), projectsApi.get(projectId, signal)]);
    show(assignment);
    examples.checked = project.showCodebookExamples ?? true;
    examples.disabled = false;
  }

  return { element, load };
}

import { ApiError, exercisesApi, type ExerciseMode, type ExerciseSettings, type StudentProgress } from '../../api';
import { problemText } from '../../model/account/accountForms';
import { EXERCISE_MODES, keyChoices } from '../../model/classroom/exercise';
import { isAbort } from '../cache';
import type { AppContext } from '../context';
import { h, replace } from '../dom';

/**
 * The teacher's Exercise card: what students see after Done (off, score only, where you differ, guided fix), each
 * explained, and the key (the gold layer or a member's work, picked by name). Owners change it; curators read it.
 * The 3-second refresh only brings new names into the key list; it never undoes a choice not yet saved. Hidden while
 * names are anonymised (the key list names people).
 */
export function exerciseCard(ctx: AppContext, projectId: string, signal: AbortSignal) {
  const radios = EXERCISE_MODES.map((m) => h('input', { type: 'radio', name: 'exercise-mode', value: m.mode, id: `exercise-mode-${m.mode}`, 'data-testid': `exercise-mode-${m.mode}` }));
  const key = h('select', { id: 'exercise-key', 'data-testid': 'exercise-key' });
  const error = h('p', { class: 'field-error', role: 'alert' });
  const save = h('button', { type: 'submit', class: 'button', 'data-testid': 'exercise-save' }, 'Save exercise');
  const form = h('form', { class: 'exercise-form', novalidate: true },
    h('fieldset', { class: 'exercise-modes' }, h('legend', null, 'After Done, students see'),
      EXERCISE_MODES.map((m, i) => h('div', { class: 'exercise-mode' }, radios[i],
        h('label', { for: `exercise-mode-${m.mode}` }, h('strong', null, m.name), ' — ', m.hint)))),
    h('label', { for: 'exercise-key' }, 'The key (the right answers)'), key, error, h('div', { class: 'form-actions' }, save));
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'class-exercise-title', 'data-testid': 'class-exercise', hidden: true },
    h('h2', { id: 'class-exercise-title' }, 'Exercise'),
    h('p', { class: 'class-count' }, 'Check students’ work against a key. Nothing is shown before a student presses Done, nor while the class is blind.'),
    form);
  let saved: ExerciseSettings | null = null;
  let people: Pick<StudentProgress, 'userId' | 'name' | 'role'>[] = [];
  let dirty = false;
  /** The key choices drawn last. */
  let listed = '';
  let requested = false;
  /** Names on a projected page are anonymised: the key list names students, so the card hides meanwhile. */
  let anonymous = false;

  function show(): void {
    if (!saved) return;
    const choices = keyChoices(people, saved.key);
    const chosen = dirty ? key.value : saved.key;
    // Options are drawn again only when the people changed: an open list is not closed under the teacher's finger.
    const next = JSON.stringify(choices);
    if (next !== listed) {
      replace(key, choices.map((c) => h('option', { value: c.key }, c.name)));
      listed = next;
    }
    key.value = chosen;
    if (!dirty) for (const radio of radios) radio.checked = radio.value === saved.mode;
  }

  form.addEventListener('change', () => (dirty = true));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const mode = (radios.find((r) => r.checked)?.value ?? 'off') as ExerciseMode;
    save.disabled = true;
    error.textContent = '';
    try {
      saved = await exercisesApi.set(projectId, { mode, key: key.value });
      dirty = false;
      show();
      ctx.announce(`Exercise saved: ${EXERCISE_MODES.find((m) => m.mode === saved?.mode)?.name ?? saved.mode}, key ${key.selectedOptions[0]?.textContent ?? ''}.`);
    } catch (failure) {
      if (!(failure instanceof ApiError) || ![400, 403].includes(failure.status)) return ctx.showError(failure);
      error.textContent = Object.values(failure.problem.errors ?? {}).flat().join(' ') || problemText(failure.title, failure.detail);
    } finally {
      save.disabled = false;
    }
  });

  /** A dashboard came: its people are the members the key can be; only the owner may change the exercise. */
  function render(students: readonly StudentProgress[], owner: boolean): void {
    people = [...students];
    for (const control of [...radios, key]) control.disabled = !owner;
    save.hidden = !owner;
    show();
    // Asked for once the page is known to be the teacher's (a student on /class gets no second 403).
    if (!requested) {
      requested = true;
      exercisesApi.settings(projectId, signal).then((settings) => {
        saved = settings;
        element.hidden = anonymous;
        show();
      }, (failure: unknown) => !isAbort(failure) && !(failure instanceof ApiError) && ctx.showError(failure));
    }
  }

  function setAnonymous(on: boolean): void {
    anonymous = on;
    element.hidden = on || !saved;
  }

  return { element, render, setAnonymous };
}

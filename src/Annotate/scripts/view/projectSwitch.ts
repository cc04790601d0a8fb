import type { ProjectSummary } from '../api/projects';
import { switcherKind } from '../model/app/projects';
import { h, replace } from './dom';

/**
 * The header's project: a select labelled "Project" when the person has several, the name alone with one,
 * nothing for the "default" project alone (the single-corpus look).
 */
export function renderProjectSwitch(container: HTMLElement, projects: readonly ProjectSummary[], current: string | null, choose: (id: string) => void): void {
  const kind = switcherKind(projects);
  if (kind === 'none') return replace(container);
  if (kind === 'name') {
    const only = projects[0]!;
    return replace(container, h('span', { class: 'project-name', 'data-testid': 'project-name', title: `Project: ${only.name}` },
      h('span', { class: 'visually-hidden' }, 'Project: '), only.name));
  }
  const select = h('select', { id: 'project-select', 'data-testid': 'project-select' },
    projects.map((p) => h('option', { value: p.id, selected: p.id === current }, p.name || p.id)));
  select.value = current ?? projects[0]!.id;
  select.addEventListener('change', () => choose(select.value));
  replace(container, h('label', { for: 'project-select' }, 'Project'), select);
}

import { progressText } from '../../model/curation/curationNav';
import { relationProgress } from '../../model/curation/curationRelations';
import { h } from '../dom';
import { exportControl } from '../exportControl';
import type { Curation } from './controller';

export type CurateMode = 'merged' | 'side';

export interface ToolbarActions {
  setMode(mode: CurateMode): void;
  acceptAgreed(): void;
  undo(): void;
  redo(): void;
  nextOpen(): void;
}

/** Progress, the view switch, Accept all agreed, undo/redo, next open cluster and Export…. */
export function curateToolbar(curation: Curation, projectId: string, actions: ToolbarActions, documentId?: string) {
  const progress = h('p', { class: 'curate-progress', 'data-testid': 'curation-progress', 'aria-live': 'polite' });
  const modeButton = (mode: CurateMode, text: string) =>
    h('button', { type: 'button', class: 'button', 'aria-pressed': 'false', 'data-mode': mode, onclick: () => actions.setMode(mode) }, text);
  const merged = modeButton('merged', 'Merged');
  const side = modeButton('side', 'Side by side');
  const acceptAll = h('button', { type: 'button', class: 'button primary', 'data-testid': 'accept-agreed', onclick: actions.acceptAgreed }, 'Accept all agreed');
  const undo = h('button', { type: 'button', class: 'button', 'aria-keyshortcuts': 'Control+Z', 'data-testid': 'undo', onclick: actions.undo }, 'Undo');
  const redo = h('button', { type: 'button', class: 'button', 'aria-keyshortcuts': 'Control+Shift+Z', 'data-testid': 'redo', onclick: actions.redo }, 'Redo');
  const next = h('button', { type: 'button', class: 'button', 'aria-keyshortcuts': 'Shift+N', onclick: actions.nextOpen }, 'Next open (Shift+N)');
  const element = h('div', { class: 'curate-toolbar', role: 'toolbar', 'aria-label': 'Curation' },
    h('div', { class: 'segmented', role: 'group', 'aria-label': 'View' }, merged, side),
    acceptAll, next, undo, redo, exportControl(projectId, documentId));
  return {
    element,
    progress,
    render(mode: CurateMode) {
      merged.setAttribute('aria-pressed', String(mode === 'merged'));
      side.setAttribute('aria-pressed', String(mode === 'side'));
      const view = curation.view;
      progress.textContent = view ? [progressText(view.clusters), relationProgress(view.relationClusters)].filter(Boolean).join(' · ') : '';
      const open = view?.clusters.some((c) => c.agreed && c.status === 'open') || view?.labelLayers.some((d) => d.agreed && d.status === 'open');
      acceptAll.disabled = curation.busy || !open;
      undo.disabled = curation.busy || !curation.history.canUndo;
      redo.disabled = curation.busy || !curation.history.canRedo;
      undo.title = curation.history.nextUndo ? `Undo: ${curation.history.nextUndo} (Ctrl+Z)` : 'Nothing to undo';
      redo.title = curation.history.nextRedo ? `Redo: ${curation.history.nextRedo} (Ctrl+Shift+Z)` : 'Nothing to redo';
    },
  };
}

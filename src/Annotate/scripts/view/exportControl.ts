import { exportApi, exportFormats } from '../api/curation';
import { h } from './dom';

/**
 * "Export…": a format and a download link to the project's export (owners and curators; the server checks). On a
 * document's page it offers that document first, and the whole project beside it.
 */
export function exportControl(projectId: string, documentId?: string): HTMLElement {
  const select = h('select', { id: 'export-format', 'aria-label': 'Export format', 'data-testid': 'export-format' },
    exportFormats.map((f) => h('option', { value: f.id }, f.name)));
  const scope = documentId
    ? h('select', { id: 'export-scope', 'aria-label': 'What to export', 'data-testid': 'export-scope' },
      h('option', { value: 'document' }, 'This document'), h('option', { value: 'project' }, 'The whole project'))
    : null;
  const link = h('a', { class: 'button', download: true, 'data-testid': 'export-link' }, 'Download');
  const update = () => (link.href = exportApi.href(projectId, select.value, scope?.value === 'document' ? documentId : undefined));
  select.addEventListener('change', update);
  scope?.addEventListener('change', update);
  update();
  return h('details', { class: 'export-control' },
    h('summary', { class: 'button subtle' }, 'Export…'),
    h('div', { class: 'export-body' },
      scope ? h('label', { for: 'export-scope' }, 'What') : null, scope,
      h('label', { for: 'export-format' }, 'Format'), select, link));
}

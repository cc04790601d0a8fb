import { exportApi, exportFormats } from '../api/curation';
import { h } from './dom';

/** "Export…": a format and a download link to the project's export (owners and curators; the server checks). */
export function exportControl(projectId: string): HTMLElement {
  const select = h('select', { id: 'export-format', 'aria-label': 'Export format', 'data-testid': 'export-format' },
    exportFormats.map((f) => h('option', { value: f.id }, f.name)));
  const link = h('a', { class: 'button', download: true, 'data-testid': 'export-link' }, 'Download');
  const update = () => (link.href = exportApi.href(projectId, select.value));
  select.addEventListener('change', update);
  update();
  return h('details', { class: 'export-control' },
    h('summary', { class: 'button subtle' }, 'Export…'),
    h('div', { class: 'export-body' }, h('label', { for: 'export-format' }, 'Format'), select, link));
}

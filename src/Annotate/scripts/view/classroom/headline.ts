import type { AgreementReport } from '../../api/agreement';
import { headline } from '../../model/classroom/classroom';
import { formatDateTime } from '../../model/shared/format';
import { figure } from '../agreement/cells';
import { h, replace } from '../dom';

/** The project's agreement in a few figures (token α, αu per layer), for the teacher's screen. */
export function headlinePanel(link: HTMLAnchorElement) {
  const figures = h('div', { class: 'class-figures', 'data-testid': 'class-agreement', 'aria-live': 'polite' },
    h('p', { class: 'loading' }, 'Computing agreement…'));
  const meta = h('p', { class: 'agreement-meta', 'data-testid': 'class-agreement-meta' });
  const element = h('section', { class: 'class-card', 'aria-labelledby': 'class-agreement-title' },
    h('h2', { id: 'class-agreement-title' }, 'Agreement'), figures, meta, h('p', null, link));

  function render(report: AgreementReport): void {
    const layers = headline(report);
    meta.textContent = `Revision ${report.revision} · updated ${formatDateTime(new Date().toISOString())}`;
    figures.dataset['revision'] = String(report.revision);
    replace(figures, layers.length
      ? h('dl', { class: 'class-figure-list' }, layers.map((layer) => h('div', { class: 'class-figure', 'data-layer': layer.layer },
        h('dt', null, layer.name),
        h('dd', null,
          h('span', { class: 'figure-name' }, layer.scope === 'span' ? 'token α ' : 'α '),
          h('span', { 'data-testid': 'token-alpha' }, figure(layer.tokenAlpha)),
          layer.scope === 'span' ? [h('span', { class: 'figure-name' }, ' · αu '), h('span', { 'data-testid': 'alpha-u' }, figure(layer.alphaU))] : null))))
      : h('p', { class: 'empty' }, 'Nothing to compare yet: agreement needs a codebook and at least two annotators on a document.'));
  }

  function failed(message: string): void {
    replace(figures, h('p', { class: 'empty' }, message));
  }

  return { element, render, failed };
}

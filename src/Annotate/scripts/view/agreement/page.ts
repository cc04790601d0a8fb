import { agreementApi, ApiError, documentsApi } from '../../api';
import type { AgreementReport, LayerAgreement } from '../../api/agreement';
import { splitNotes } from '../../model/agreement/agreement';
import { attributeNames } from '../../model/agreement/agreementPairs';
import { coalescedRefresh } from '../../model/shared/coalesce';
import { formatDateTime, plural } from '../../model/shared/format';
import { canCurate } from '../../model/app/projects';
import { agreementRoute, curateRoute, readerRoute, routeHref } from '../../model/app/routes';
import { isAbort } from '../cache';
import type { AppContext, View } from '../context';
import { h, replace } from '../dom';
import { attributesForm } from './attributesForm';
import { domId, notesList } from './cells';
import { codingLayer } from './codingLayer';
import { followAgreement } from './follow';
import { GammaFollower } from './gamma';
import { documentsTable, groupsSection } from './groups';
import { RELATIONS_NOTES, relationsSection } from './relations';
import { SpanLayerView } from './spanLayer';

/** Bootstrap samples for the 95% intervals when the person asks for them (slower on a big project). */
const BOOTSTRAP_SAMPLES = 1000;

/**
 * The agreement of a project (documentId null: the project the address names, else the current one) or of one
 * document (that document's own project), kept up to date while it is open.
 */
export function agreementView(ctx: AppContext, documentId: string | null, initialGroupBy: string, anonymous = false, named = ''): View {
  const controller = new AbortController();
  // A document's page learns its project from the document.
  const project: Promise<string> = documentId === null
    ? Promise.resolve(named || ctx.projectId())
    : documentsApi.get(documentId, controller.signal).then((doc) => doc.projectId);
  let groupBy = initialGroupBy;
  let bootstrap = false;
  let loaded = false;
  let disposed = false;
  const layers = new Map<string, { section: HTMLElement; spans: SpanLayerView }>();
  // Gamma is computed in the background: each report's revision is followed until its gamma is ready.
  const gamma = new GammaFollower(async (signal) => agreementApi.gamma(await project, documentId, signal),
    () => [...layers].map(([id, entry]) => [id, entry.spans.showGamma] as [string, SpanLayerView['showGamma']]));

  ctx.setTitle('Agreement');
  const heading = h('h1', { tabindex: -1, id: 'agreement-title' }, documentId ? 'Agreement on this document' : 'Agreement');
  const groupSelect = h('select', { id: 'group-by', 'data-testid': 'group-by' }, h('option', { value: '' }, 'No groups'));
  const intervals = h('input', { type: 'checkbox', id: 'agreement-ci' });
  const form = attributesForm(ctx, () => project, () => {
    ctx.announce('Your attributes were saved.');
    void load();
  });
  const attributes = h('details', { class: 'attributes-details' }, h('summary', null, 'Your attributes'), form.element);
  const meta = h('p', { class: 'agreement-meta', 'data-testid': 'agreement-meta' });
  const notice = h('div', { class: 'agreement-notice' });
  const body = h('div', { class: 'agreement-body', 'aria-busy': 'true' }, h('p', { class: 'loading' }, 'Computing agreement…'));
  const projectLink = h('a', { href: routeHref(agreementRoute(null, groupBy, anonymous)), 'data-testid': 'project-agreement-link' }, '← Project agreement');
  const links = documentId
    ? h('p', { class: 'agreement-links' },
      projectLink, ' · ',
      h('a', { href: routeHref(readerRoute(documentId, anonymous)) }, 'Open the document'))
    : null;
  // Curators and owners of the document's project can go on to curate it.
  if (links && documentId) {
    project.then((projectId) => {
      if (canCurate(ctx.state.projects, projectId)) links.append(' · ', h('a', { href: routeHref(curateRoute(documentId)), 'data-testid': 'curate-link' }, 'Curate'));
    }, () => {});
  }
  const element = h('section', { class: 'page agreement-page', 'aria-labelledby': 'agreement-title', 'data-testid': 'agreement-page' },
    links,
    h('div', { class: 'page-heading' }, heading),
    h('div', { class: 'agreement-controls' },
      h('label', { for: 'group-by' }, 'Group by', groupSelect),
      h('label', { class: 'toggle', for: 'agreement-ci' }, intervals, '95% intervals (bootstrap, slower)'),
      meta),
    anonymous ? h('p', { class: 'banner info', 'data-testid': 'agreement-anonymous' },
      'Names are anonymised: people are shown as Student 1, Student 2, … in the order they joined. ',
      h('a', { href: routeHref(agreementRoute(documentId, groupBy, false, named)) }, 'Show names')) : null,
    attributes,
    notice,
    body);

  groupSelect.addEventListener('change', () => {
    groupBy = groupSelect.value;
    ctx.updateUrl(agreementRoute(documentId, groupBy, anonymous, named));
    void load();
  });
  intervals.addEventListener('change', () => {
    bootstrap = intervals.checked;
    void load();
  });
  attributes.addEventListener('toggle', () => {
    if (attributes.open) form.load(controller.signal).catch((error: unknown) => !isAbort(error) && ctx.showError(error));
  });

  // One more fetch after the one under way, never two at once.
  const load = coalescedRefresh(async () => {
    body.setAttribute('aria-busy', 'true');
    try {
      const report = await agreementApi.report(await project, { document: documentId, groupBy, bootstrap: bootstrap ? BOOTSTRAP_SAMPLES : null, anonymous }, controller.signal);
      if (!disposed) render(report);
    } catch (error) {
      if (!disposed && !isAbort(error)) failed(error);
    } finally {
      body.removeAttribute('aria-busy');
    }
  }, () => !disposed);

  function failed(error: unknown): void {
    if (error instanceof ApiError && error.status === 403) {
      clearLayers();
      replace(notice);
      replace(body, h('div', { class: 'banner info', role: 'status', 'data-testid': 'agreement-blind' },
        h('strong', null, error.title || 'Blind project'),
        h('p', null, error.detail ?? 'Agreement is hidden while the project is blind, so that nobody sees how others annotated. It appears when the project is switched to open or reveal.')));
      return;
    }
    if (loaded) {
      // Keep the figures that were there; say they may be out of date.
      replace(notice, h('p', { class: 'banner warning', role: 'status' }, 'The figures could not be refreshed; they may be out of date.'));
      return;
    }
    replace(body, h('p', { class: 'empty' }, error instanceof ApiError && error.status === 404 ? 'There is no such document or project.' : 'Agreement could not be computed.'));
    ctx.showError(error);
  }

  function render(report: AgreementReport): void {
    loaded = true;
    replace(notice);
    const title = documentId ? report.documents.find((d) => d.id === documentId)?.title ?? documentId : null;
    if (title) {
      heading.textContent = `Agreement on “${title}”`;
      ctx.setTitle(`Agreement: ${title}`);
    }
    renderGroupOptions(attributeNames(report.annotators));
    replace(meta, `${plural(report.annotators.length, 'annotator', 'annotators')} · revision ${report.revision} · updated ${formatDateTime(new Date().toISOString())}`);
    meta.dataset['revision'] = String(report.revision);

    // Keep focus where it was (a link in a table that is about to be rebuilt).
    const focusKey = body.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset['focusKey'] : undefined;
    const seen = new Set<string>();
    const notes = splitNotes(report.notes, [...report.layers.map((l) => l.name), RELATIONS_NOTES]);
    const sections = report.layers.map((layer) => {
      seen.add(layer.layer);
      return layerSection(layer, report, notes.byLayer.get(layer.name) ?? []);
    });
    for (const [id, entry] of layers) {
      if (!seen.has(id)) {
        entry.spans.dispose();
        layers.delete(id);
      }
    }
    replace(body,
      notesList(notes.general, 'Notes on these figures'),
      report.groups ? groupsSection(report.groups, report) : null,
      sections.length ? sections : h('p', { class: 'empty' }, 'Nothing to compare yet: agreement needs a codebook and at least two annotators on a document.'),
      // Relations once someone drew one, or beside span layers (where none drawn is a finding); not on an empty page.
      report.relations && (report.relations.relations > 0 || sections.length > 0)
        ? relationsSection(report.relations, notes.byLayer.get(RELATIONS_NOTES) ?? []) : null,
      documentId ? null : h('section', { 'aria-labelledby': 'documents-title' }, h('h2', { id: 'documents-title' }, 'By document'), documentsTable(report, groupBy)));
    if (focusKey) body.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
    gamma.follow(report.revision);
  }

  function layerSection(layer: LayerAgreement, report: AgreementReport, notes: readonly string[]): HTMLElement {
    let entry = layers.get(layer.layer);
    if (!entry) {
      const id = domId('layer', layer.layer);
      entry = { section: h('section', { class: 'agreement-layer', 'aria-labelledby': id, 'data-layer': layer.layer }), spans: new SpanLayerView() };
      layers.set(layer.layer, entry);
    }
    const titleId = domId('layer', layer.layer);
    const scope = layer.scope === 'document' ? 'document labels' : 'spans';
    const content = layer.scope === 'span' && layer.spans ? entry.spans.render(layer, layer.spans, report, notes)
      : layer.coding ? codingLayer(layer.coding)
      : [h('p', { class: 'empty' }, 'No figures for this layer yet.')];
    replace(entry.section, h('h2', { id: titleId }, layer.name || layer.layer, h('span', { class: 'scope' }, ` · ${scope}`)), content);
    return entry.section;
  }

  function renderGroupOptions(names: string[]): void {
    if (groupBy && !names.includes(groupBy)) names = [...names, groupBy];
    const key = names.join('\n');
    if (groupSelect.dataset['names'] !== key) {
      groupSelect.dataset['names'] = key;
      replace(groupSelect, h('option', { value: '' }, 'No groups'), names.map((n) => h('option', { value: n }, n)));
    }
    groupSelect.value = groupBy;
  }

  function clearLayers(): void {
    for (const entry of layers.values()) entry.spans.dispose();
    layers.clear();
  }

  let stop = () => {};
  project.then((id) => {
    if (disposed) return;
    stop = followAgreement(id, documentId, () => void load());
    // Back to the agreement of this document's project: named in the address unless it is the current one.
    projectLink.href = routeHref(agreementRoute(null, groupBy, anonymous, id === ctx.projectId() ? '' : id));
  }, () => {}); // load() reports the failure
  void load();

  return {
    element,
    focus: () => heading.focus(),
    dispose() {
      disposed = true;
      controller.abort();
      stop();
      gamma.stop();
      clearLayers();
    },
  };
}

import type { SpanCluster } from '../../api/curation';
import { clusterTone, kindsText } from '../../model/curation/curationNav';
import { offsets, shortQuote } from '../../model/curation/curationText';
import { h, replace } from '../dom';
import type { Curation } from './controller';
import type { Names } from './names';

/** Every cluster in reading order, coloured like the text: the keyboard's and screen reader's way through them. */
export function clusterList(curation: Curation, names: Names, text: string, pick: (cluster: SpanCluster) => void) {
  const list = h('ol', { class: 'cluster-list', 'aria-label': 'Clusters', 'data-testid': 'cluster-list' });
  const element = h('section', { class: 'curate-clusters', 'aria-labelledby': 'clusters-title' },
    h('h2', { id: 'clusters-title' }, 'Clusters'), list);
  /** " · 2 relations (1 open)" for the relations starting in a cluster, so the list shows where relation work is left. */
  const relationsNote = (c: SpanCluster): string => {
    const from = curation.view?.relationClusters.filter((r) => r.sourceCluster === c.id) ?? [];
    if (from.length === 0) return '';
    const open = from.filter((r) => r.status === 'open').length;
    return ` · ${from.length} ${from.length === 1 ? 'relation' : 'relations'}${open ? ` (${open} open)` : ''}`;
  };
  return {
    element,
    render() {
      const selected = curation.selected?.id;
      replace(list, curation.ordered.map((c) => {
        const button = h('button', {
          type: 'button', class: `cluster-item tone-${clusterTone(c)}`, 'aria-current': c.id === selected ? 'true' : null,
          'data-cluster': c.id, 'data-status': c.status, 'data-kinds': c.agreed ? 'agreed' : c.kinds.join(' '),
        },
          h('span', { class: 'cluster-where' }, `${names.layer(c.layer)} ${offsets(c.start, c.end)}`),
          h('span', { class: 'cluster-quote-line' }, shortQuote(text, c.start, c.end, 60)),
          h('span', { class: 'cluster-state' }, `${kindsText(c)} · ${c.status}`, relationsNote(c)));
        button.addEventListener('click', () => pick(c));
        return h('li', null, button);
      }));
      const current = list.querySelector<HTMLElement>('[aria-current="true"]');
      // The list alone scrolls: scrollIntoView would scroll the side column and the page too, hiding the panel.
      if (current && current.offsetTop < list.scrollTop) list.scrollTop = current.offsetTop;
      else if (current && current.offsetTop + current.offsetHeight > list.scrollTop + list.clientHeight) {
        list.scrollTop = current.offsetTop + current.offsetHeight - list.clientHeight;
      }
    },
  };
}

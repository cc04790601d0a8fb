import type { DocumentDetail } from '../api/types';
import { formatDate, langAttribute, languageName, plural, safeHttpUrl } from '../model/shared/format';
import type { ListFilters } from '../model/app/routes';
import { h } from './dom';
import { tagList } from './documentTable';

/** Title and metadata above the article body. */
export function articleHeader(doc: DocumentDetail, filters: ListFilters) {
  const lang = langAttribute(doc.language);
  const title = h('h1', { class: 'article-title', tabindex: -1, dir: 'auto', lang }, doc.title);
  const url = safeHttpUrl(doc.url);
  const item = (label: string, value: Node | string | null) =>
    value ? h('div', { class: 'meta-item' }, h('dt', null, label), h('dd', null, value)) : null;

  const header = h('header', { class: 'article-header' },
    doc.outlet ? h('p', { class: 'eyebrow' }, doc.outlet) : null,
    title,
    h('dl', { class: 'meta' },
      item('Author', doc.author),
      item('Date', doc.date ? h('time', { datetime: doc.date }, formatDate(doc.date)) : null),
      item('Language', doc.language ? `${languageName(doc.language)} (${doc.language})` : null),
      item('Length', plural(doc.wordCount, 'word', 'words')),
      item('Version', String(doc.version)),
      item('Source', url
        ? h('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'source-link' }, displayUrl(url))
        : doc.url)),
    h('div', { class: 'article-tags' }, tagList(doc.tags, { ...filters, q: '', collection: '' }, false)));
  return { header, title };
}

function displayUrl(url: string): string {
  const { host, pathname } = new URL(url);
  return `${host.replace(/^www\./, '')}${pathname === '/' ? '' : pathname}`;
}

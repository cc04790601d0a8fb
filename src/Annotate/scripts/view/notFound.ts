import type { AppContext, View } from './context';
import { h } from './dom';

export function notFoundView(ctx: AppContext, path: string): View {
  ctx.setTitle('Page not found');
  const heading = h('h1', { tabindex: -1 }, 'Page not found');
  const element = h('section', { class: 'page narrow' },
    heading,
    h('p', null, 'There is no page at ', h('code', null, path), '.'),
    h('p', null, h('a', { href: '/' }, 'Go to the document list')));
  return { element, focus: () => heading.focus() };
}

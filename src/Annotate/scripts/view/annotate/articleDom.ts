import type { Block } from '../../api/types';

/** A top-level element of the article body and the blocks inside it (first..last, -1 when none). */
export interface Chunk {
  el: Element;
  first: number;
  last: number;
}

export interface ArticleDom {
  /** blockEls[i] carries data-block=i. */
  blockEls: HTMLElement[];
  chunks: Chunk[];
  /** chunkOf[blockIndex] = index into chunks. */
  chunkOf: Int32Array;
  /** Resolves once every chunk is in the page (long articles are added after the first screen is painted). */
  complete: Promise<void>;
}

/** Above this many characters, off-screen parts of the article skip layout and paint (content-visibility). */
export const longArticleChars = 40_000;
const firstScreenChars = 6_000;

/**
 * Puts the server's HTML into body without changing it: parsed once in a template, the first screenful shown at
 * once and the rest appended after that has been painted, so a long article shows its first text quickly.
 */
export function renderArticle(body: HTMLElement, html: string, blocks: readonly Block[]): ArticleDom {
  const template = document.createElement('template');
  template.innerHTML = html;
  const blockEls: HTMLElement[] = new Array<HTMLElement>(blocks.length);
  const chunkOf = new Int32Array(blocks.length).fill(-1);
  const chunks: Chunk[] = [];
  const long = (blocks.at(-1)?.end ?? 0) > longArticleChars;
  body.classList.toggle('is-long', long);

  for (const el of [...template.content.children]) {
    const inner = el.hasAttribute('data-block') ? [el as HTMLElement] : [...el.querySelectorAll<HTMLElement>('[data-block]')];
    const chunk: Chunk = { el, first: -1, last: -1 };
    let chars = 0;
    for (const blockEl of inner) {
      const index = Number(blockEl.dataset['block']);
      if (!(index >= 0 && index < blocks.length)) continue;
      blockEls[index] = blockEl;
      chunkOf[index] = chunks.length;
      if (chunk.first < 0) chunk.first = index;
      chunk.last = index;
      chars += blocks[index]!.end - blocks[index]!.start;
    }
    // A size to assume until the chunk is first rendered ("auto" then remembers the real one).
    if (long && el instanceof HTMLElement) el.style.setProperty('--estimated-height', `${Math.ceil(chars / 70 + 1) * 34 + 20}px`);
    chunks.push(chunk);
  }

  let shown = 0;
  let chars = 0;
  while (shown < chunks.length && chars < firstScreenChars) {
    const c = chunks[shown++]!;
    if (c.first >= 0) chars += blocks[c.last]!.end - blocks[c.first]!.start;
  }
  // Element Timing reports when the first block's text was painted (the long-article benchmark reads it).
  blockEls[0]?.setAttribute('elementtiming', 'first-text');
  body.replaceChildren();
  if (shown >= chunks.length || !long) {
    body.append(template.content);
    return { blockEls, chunks, chunkOf, complete: Promise.resolve() };
  }
  body.append(...chunks.slice(0, shown).map((c) => c.el));
  const complete = new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(() => {
      body.append(template.content);
      resolve();
    }, 0));
  });
  return { blockEls, chunks, chunkOf, complete };
}

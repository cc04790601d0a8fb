import type { Block } from '../../api/types';

/**
 * Whether the article's text opens with its own title: a plain-text article's title is its first line, and a
 * Markdown one may repeat its front-matter title as a first heading. The reader then shows that line once, as the
 * title, instead of a title above the same line.
 */
export function opensWithTitle(title: string, text: string, blocks: readonly Block[]): boolean {
  const first = blocks[0];
  if (!first) return false;
  // The whole first block, not only its first line: a block that goes on after the title is text, not a title.
  const opening = text.slice(first.start, first.end).trim();
  return opening.length > 0 && opening === title.trim();
}

import { languageName } from '../model/shared/format';
import type { ListFilters } from '../model/app/routes';
import { h, replace } from './dom';

export interface ToolbarHandlers {
  search(q: string): void;
  searchNow(): void;
  language(code: string): void;
  clearTag(): void;
  /** ↓ in the search box moves into the results. */
  toResults(): void;
}

/** Search box, language filter and the active tag, above the document table. */
export function listToolbar(filters: ListFilters, on: ToolbarHandlers) {
  const search = h('input', {
    id: 'search', type: 'search', value: filters.q, autocomplete: 'off', spellcheck: 'false',
    placeholder: 'Title, outlet or tag', maxlength: 200, 'aria-keyshortcuts': '/', 'aria-describedby': 'search-hint',
  });
  const language = h('select', { id: 'language-filter' });
  const tag = h('div', { class: 'active-filters' });
  const element = h('div', { class: 'toolbar', role: 'search' },
    h('div', { class: 'field search-field' },
      h('label', { for: 'search' }, 'Search'),
      search,
      h('p', { id: 'search-hint', class: 'visually-hidden' }, 'Press the down arrow to move to the results.')),
    h('div', { class: 'field' },
      h('label', { for: 'language-filter' }, 'Language'),
      language),
    tag);

  search.addEventListener('input', () => on.search(search.value));
  search.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      on.searchNow();
      on.toResults();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      on.searchNow();
    } else if (event.key === 'Escape' && search.value === '') {
      search.blur();
    }
  });
  language.addEventListener('change', () => on.language(language.value));

  const toolbar = {
    element,
    focusSearch() {
      search.focus();
      search.select();
    },
    setLanguages(codes: string[], current: string) {
      const all = current && !codes.includes(current) ? [...codes, current] : codes;
      replace(language,
        h('option', { value: '' }, 'All languages'),
        all.map((code) => h('option', { value: code }, `${languageName(code)} (${code})`)));
      language.value = current;
    },
    update(next: ListFilters) {
      if (search.value.trim() !== next.q.trim()) search.value = next.q;
      if (language.querySelector(`option[value="${CSS.escape(next.language)}"]`)) language.value = next.language;
      replace(tag, next.tag
        ? h('span', { class: 'filter-chip' },
            h('span', null, 'Tag: ', h('strong', null, next.tag)),
            h('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove tag filter ${next.tag}`, onclick: on.clearTag }, '×'))
        : null);
    },
  };
  toolbar.update(filters);
  return toolbar;
}

import { h } from '../dom';

export interface Tab {
  id: string;
  label: string;
  panel: HTMLElement;
}

/** Tabs beside the text (annotations, document labels, codebook), with arrow-key movement between tabs. */
export function sidePanel(tabs: Tab[], onShow: (id: string) => void = () => {}) {
  const buttons = tabs.map((tab) =>
    h('button', {
      type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}`, class: 'side-tab', 'data-tab': tab.id,
    }, tab.label));
  const panels = tabs.map((tab) => {
    tab.panel.id = `panel-${tab.id}`;
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', `tab-${tab.id}`);
    tab.panel.classList.add('side-body');
    return tab.panel;
  });
  const list = h('div', { class: 'side-tabs', role: 'tablist', 'aria-label': 'Annotation panels' }, buttons);
  const element = h('aside', { class: 'side-panel', 'aria-label': 'Annotations and codebook' }, list, panels);

  function show(id: string, focus = false): void {
    tabs.forEach((tab, i) => {
      const selected = tab.id === id;
      buttons[i]!.setAttribute('aria-selected', String(selected));
      buttons[i]!.tabIndex = selected ? 0 : -1;
      panels[i]!.hidden = !selected;
      if (selected && focus) buttons[i]!.focus();
    });
    onShow(id);
  }

  list.addEventListener('click', (event) => {
    const id = (event.target as Element).closest<HTMLElement>('[role=tab]')?.dataset['tab'];
    if (id) show(id);
  });
  list.addEventListener('keydown', (event) => {
    const i = buttons.indexOf(event.target as HTMLButtonElement);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (i < 0 || !step) return;
    event.preventDefault();
    event.stopPropagation();
    show(tabs[(i + step + tabs.length) % tabs.length]!.id, true);
  });
  show(tabs[0]!.id);

  return {
    element,
    show,
    setLabel(id: string, label: string) {
      const button = buttons[tabs.findIndex((t) => t.id === id)];
      if (button) button.textContent = label;
    },
  };
}

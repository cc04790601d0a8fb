/**
 * The header's menu button on narrow screens (phones): the navigation and the account actions fold behind it so
 * the header fits 390 px. On wider screens the button is hidden by CSS and everything stays in the header row.
 */
export function mountHeaderMenu(header: HTMLElement, button: HTMLElement): void {
  const setOpen = (open: boolean): void => {
    header.classList.toggle('menu-open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => setOpen(!header.classList.contains('menu-open')));
  // Following a link or pressing a button in the menu closes it: the next page starts with the text, not the menu.
  header.addEventListener('click', (event) => {
    const target = event.target as Element | null;
    if (target !== null && !button.contains(target) && target.closest('#app-nav a, #user a, #user button')) setOpen(false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && header.classList.contains('menu-open')) {
      setOpen(false);
      button.focus();
    }
  });
}

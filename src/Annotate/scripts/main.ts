// Entry point: find the page's fixed regions in index.html and start the app in them.
import { App } from './view/app';
import { mountHeaderMenu } from './view/headerMenu';

function region(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`index.html lacks #${id}`);
  return element;
}

const app = new App({
  main: region('main'),
  nav: region('app-nav'),
  project: region('project'),
  user: region('user'),
  error: region('error'),
  live: region('live'),
});
region('help-button').addEventListener('click', () => app.openHelp());
mountHeaderMenu(region('app-header'), region('menu-button'));
void app.start();

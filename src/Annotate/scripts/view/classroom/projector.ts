import { qrPath } from '../../model/classroom/qrCode';
import { h } from '../dom';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The join details for a projector: the code in letters readable from the back of the room, the link in full
 * (wrapped, never cut), and a QR code of the link for phones. A modal over the whole screen; Esc or Close ends it.
 */
export function openProjector(code: string, link: string): HTMLDialogElement {
  const close = h('button', { type: 'button', class: 'button', 'data-testid': 'projector-close' }, 'Close (Esc)');
  const dialog = h('dialog', { class: 'projector', 'aria-labelledby': 'projector-title', 'data-testid': 'projector' },
    h('div', { class: 'projector-join' },
      h('h2', { id: 'projector-title' }, 'Join the class'),
      h('p', { class: 'projector-step' }, 'Scan the QR code, or open'),
      h('p', { class: 'projector-link', 'data-testid': 'projector-link' }, link),
      h('p', { class: 'projector-step' }, 'Join code'),
      h('p', { class: 'projector-code', 'data-testid': 'projector-code', 'aria-label': `Join code ${[...code].join(' ')}` }, code)),
    h('div', { class: 'projector-qr' }, qrImage(link)),
    h('div', { class: 'projector-actions' }, close));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** The QR code as SVG (built node by node: no markup parsing), with the four-module quiet zone readers need. */
function qrImage(link: string): SVGSVGElement {
  const qr = qrPath(link);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `-4 -4 ${qr.size + 8} ${qr.size + 8}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `QR code of the join link ${link}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.dataset['testid'] = 'projector-qr';
  svg.dataset['modules'] = String(qr.size);
  const background = document.createElementNS(SVG, 'rect');
  for (const [name, value] of [['x', '-4'], ['y', '-4'], ['width', String(qr.size + 8)], ['height', String(qr.size + 8)], ['fill', '#fff']]) {
    background.setAttribute(name!, value!);
  }
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', qr.path);
  modules.setAttribute('fill', '#000');
  svg.append(background, modules);
  return svg;
}

import { ApiError, classroomApi } from '../api';
import type { Session } from '../api/types';
import { problemText } from '../model/account/accountForms';
import { listRoute } from '../model/app/routes';
import type { AppContext, View } from './context';
import { h, replace } from './dom';
import { joinView } from './join';

/**
 * A personal link from the teacher's list (/join?ticket=…): signs the student in at once, no form. Someone already
 * signed in as another person is asked first (a link opened on a shared or the teacher's computer must not
 * silently replace the session). A link that is not (or no longer) valid says so, above the ordinary join form,
 * so a class code still gets them in.
 */
export function ticketJoinView(ctx: AppContext, ticket: string, joined: (session: Session) => void): View {
  ctx.setTitle('Signing in');
  const status = h('p', { class: 'loading', role: 'status', tabindex: -1, 'data-testid': 'ticket-status' }, 'Signing you in…');
  const element = h('div', { class: 'page ticket-page' }, status);
  let focusTarget: (() => void) | null = null;

  const failed = (error: unknown) => {
    const known = error instanceof ApiError && [400, 404, 429].includes(error.status);
    if (!known) ctx.showError(error);
    const form = joinView(ctx, '', joined);
    const notice = h('div', { class: 'banner warning', role: 'alert', 'data-testid': 'ticket-unknown' },
      h('strong', null, known && error.status === 404 ? error.title : 'Could not sign you in'),
      h('p', null, known ? (error.status === 404 ? error.detail ?? 'This personal link is not valid.' : problemText(error.title, error.detail))
        : 'Try the link again, or join with the class code.'));
    replace(element, notice, form.element);
    focusTarget = () => form.focus?.();
    focusTarget();
  };

  const redeem = async () => {
    try {
      joined(await classroomApi.joinWithTicket(ticket));
    } catch (error) {
      failed(error);
    }
  };

  const ask = (me: Session, student: Session) => {
    ctx.setTitle(`Continue as ${student.displayName}?`);
    const heading = h('h1', { tabindex: -1 }, `This link signs in ${student.displayName}`);
    const stay = h('button', { type: 'button', class: 'button', 'data-testid': 'ticket-stay', onclick: () => ctx.navigate(listRoute()) },
      `Stay signed in as ${me.displayName}`);
    const go = h('button', { type: 'button', class: 'button primary', 'data-testid': 'ticket-continue', onclick: () => {
      go.disabled = true;
      stay.disabled = true;
      void redeem();
    } }, `Continue as ${student.displayName}`);
    replace(element, h('section', { class: 'ticket-question', 'data-testid': 'ticket-question' },
      heading,
      h('p', null, `You are signed in as ${me.displayName}. Continuing signs you out and signs in ${student.displayName} on this browser.`),
      h('p', { class: 'actions' }, go, ' ', stay)));
    focusTarget = () => heading.focus();
    focusTarget();
  };

  void (async () => {
    const me = ctx.state.session;
    if (!me) return redeem();
    try {
      const student = await classroomApi.previewTicket(ticket);
      if (student.userId === me.userId) joined(me);
      else ask(me, student);
    } catch (error) {
      failed(error);
    }
  })();

  return { element, focus: () => (focusTarget ? focusTarget() : status.focus()) };
}
